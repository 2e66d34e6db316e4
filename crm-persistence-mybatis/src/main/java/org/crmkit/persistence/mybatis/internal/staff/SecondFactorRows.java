package org.crmkit.persistence.mybatis.internal.staff;

import java.util.Arrays;
import java.util.List;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.SecondFactorStatus;

/** The explicit mapping between a second factor and its row. */
final class SecondFactorRows {
    private SecondFactorRows() {
    }

    static SecondFactorRow toRow(SecondFactorSnapshot s) {
        return new SecondFactorRow(s.account().value(), s.version(), s.status().name(), s.secret(), s.createdAt(),
                s.confirmedAt(), s.lastAcceptedStep(), String.join(" ", s.recoveryCodeHashes()), s.challengeHash(),
                s.challengeExpiresAt(), s.failedAttempts(), s.firstFailureAt(), s.lockedUntil());
    }

    static SecondFactorSnapshot toSnapshot(SecondFactorRow r) {
        List<String> hashes = r.recoveryCodeHashes().isEmpty() ? List.of()
                : Arrays.asList(r.recoveryCodeHashes().split(" "));
        return new SecondFactorSnapshot(new AccountId(r.accountId()), r.version(),
                SecondFactorStatus.valueOf(r.status()), r.secret(), r.createdAt(), r.confirmedAt(),
                r.lastAcceptedStep(), hashes, r.challengeHash(), r.challengeExpiresAt(), r.failedAttempts(),
                r.firstFailureAt(), r.lockedUntil());
    }
}
