package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_password_reset_token}: the token's hash, never the token. */
record PasswordResetTokenRow(UUID id, UUID accountId, String tokenHash, Instant createdAt, Instant expiresAt,
                             Instant usedAt) {

    @Override
    public String toString() {
        return "PasswordResetTokenRow[id=" + id + ", accountId=" + accountId + "]";
    }
}
