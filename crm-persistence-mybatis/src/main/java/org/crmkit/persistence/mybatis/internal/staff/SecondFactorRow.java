package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_second_factor}, flat: the recovery codes' hashes in one space-separated text. */
record SecondFactorRow(UUID accountId, long version, String status, String secret, Instant createdAt,
                       Instant confirmedAt, Long lastAcceptedStep, String recoveryCodeHashes, String challengeHash,
                       Instant challengeExpiresAt, int failedAttempts, Instant firstFailureAt, Instant lockedUntil) {

    @Override
    public String toString() {
        // the secret and the hashes are credentials: none belongs in a log line or an assertion message
        return "SecondFactorRow[accountId=" + accountId + ", version=" + version + "]";
    }
}
