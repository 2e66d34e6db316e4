package org.crmkit.core.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A one-time password reset token as stored: only its SHA-256 hash, never the token itself. Valid until
 * {@code expiresAt}, used once.
 *
 * @param id        the token's id
 * @param account   the account it resets
 * @param tokenHash hex SHA-256 of the token text
 * @param createdAt when it was issued
 * @param expiresAt when it stops being valid
 * @param usedAt    when it was used, or {@code null}
 */
public record PasswordResetToken(UUID id, AccountId account, String tokenHash, Instant createdAt, Instant expiresAt,
                                 Instant usedAt) {
    /** Checks the required parts. */
    public PasswordResetToken {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** @param now the current time @return whether it may still be used */
    public boolean isUsable(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    @Override
    public String toString() {
        return "PasswordResetToken[id=" + id + ", account=" + account + "]";
    }
}
