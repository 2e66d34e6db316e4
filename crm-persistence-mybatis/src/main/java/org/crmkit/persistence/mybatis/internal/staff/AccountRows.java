package org.crmkit.persistence.mybatis.internal.staff;

import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;

/** The explicit mapping between an account snapshot and its row; no reflection on domain objects. */
final class AccountRows {
    private AccountRows() {
    }

    static AccountRow toRow(AccountSnapshot s) {
        return new AccountRow(s.id().value(), s.version(), s.holder().kind().name(), s.holder().id(),
                s.login().value(), s.passwordHash(), s.failedAttempts(), s.firstFailureAt(), s.lockedUntil(),
                s.passwordChangedAt(), s.lastLoginAt(), s.createdAt());
    }

    static AccountSnapshot toSnapshot(AccountRow r) {
        return new AccountSnapshot(new AccountId(r.id()), r.version(),
                new AccountHolder(AccountHolder.Kind.valueOf(r.holderKind()), r.holderId()),
                new EmailAddress(r.login()), r.passwordHash(), r.failedAttempts(), r.firstFailureAt(),
                r.lockedUntil(), r.passwordChangedAt(), r.lastLoginAt(), r.createdAt());
    }
}
