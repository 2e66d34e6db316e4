package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_account}, flat, as the mapper reads and writes it. */
record AccountRow(UUID id, long version, String holderKind, UUID holderId, String login, String passwordHash,
                  int failedAttempts, Instant firstFailureAt, Instant lockedUntil, Instant passwordChangedAt,
                  Instant lastLoginAt, Instant createdAt) {

    @Override
    public String toString() {
        // the hash is a secret and the login personal data: neither belongs in a log line or an assertion message
        return "AccountRow[id=" + id + ", version=" + version + "]";
    }
}
