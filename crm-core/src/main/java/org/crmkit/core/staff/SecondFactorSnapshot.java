package org.crmkit.core.staff;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An account's second factor as stored: a TOTP secret, the recovery codes' hashes, the one open login challenge's
 * hash, and the second step's own failure count and lock. At most one per account. Nothing in it is readable as a
 * credential but the secret, which the TOTP check needs as it is (see {@code secret}).
 *
 * @param account            the account it belongs to
 * @param version            the stored version (optimistic locking)
 * @param status             pending (waiting for its first code) or active
 * @param secret             the TOTP secret as crmkit sealed it: opaque text beginning with the scheme that sealed it
 *                           ({@code plain:} and Base32 until encryption at rest applies to it; ADR 0016). Store it as
 *                           given
 * @param createdAt          when the secret was made
 * @param confirmedAt        when the first code confirmed it, or {@code null} while pending
 * @param lastAcceptedStep   the TOTP time step of the last code accepted (codes of that step and earlier are refused),
 *                           or {@code null} before the first
 * @param recoveryCodeHashes the SHA-256 (hex) of each unused recovery code; a used one is removed
 * @param challengeHash      the SHA-256 (hex) of the open login challenge, or {@code null}; unique among accounts
 * @param challengeExpiresAt when that challenge ends, or {@code null} when there is none
 * @param failedAttempts     wrong codes in the current window
 * @param firstFailureAt     the first wrong code of the window, or {@code null}
 * @param lockedUntil        the end of the second step's lock, or {@code null}
 */
public record SecondFactorSnapshot(AccountId account, long version, SecondFactorStatus status, String secret,
                                   Instant createdAt, Instant confirmedAt, Long lastAcceptedStep,
                                   List<String> recoveryCodeHashes, String challengeHash, Instant challengeExpiresAt,
                                   int failedAttempts, Instant firstFailureAt, Instant lockedUntil) {
    /** Checks the required parts and that a challenge has both its hash and its end; copies the hashes. */
    public SecondFactorSnapshot {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(createdAt, "createdAt");
        recoveryCodeHashes = recoveryCodeHashes == null ? List.of() : List.copyOf(recoveryCodeHashes);
        if ((challengeHash == null) != (challengeExpiresAt == null)) {
            throw new IllegalArgumentException("a challenge needs both its hash and its end");
        }
        if (failedAttempts < 0) {
            throw new IllegalArgumentException("failedAttempts must be >= 0");
        }
    }

    /**
     * @param newVersion the version to carry
     * @return this state at another version
     */
    public SecondFactorSnapshot withVersion(long newVersion) {
        return new SecondFactorSnapshot(account, newVersion, status, secret, createdAt, confirmedAt, lastAcceptedStep,
                recoveryCodeHashes, challengeHash, challengeExpiresAt, failedAttempts, firstFailureAt, lockedUntil);
    }

    @Override
    public String toString() {
        // the secret and the hashes are credentials: none belongs in a log line or an assertion message
        return "SecondFactorSnapshot[account=" + account + ", version=" + version + ", status=" + status + "]";
    }
}
