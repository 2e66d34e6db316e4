package org.crmkit.core.staff;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.EmailAddress;

/**
 * An account's stored state.
 *
 * @param id                the account
 * @param version           the stored version (optimistic locking)
 * @param holder            whose account it is
 * @param login             the login email, unique among accounts
 * @param passwordHash      the self-describing hash, or {@code null} while no password was set
 * @param failedAttempts    failed logins in the current window
 * @param firstFailureAt    the first failure of the current window, or {@code null}
 * @param lockedUntil       the end of a lock, or {@code null}
 * @param passwordChangedAt when the password was last set, or {@code null}
 * @param lastLoginAt       the last successful login, or {@code null}
 * @param createdAt         when the account was opened
 */
public record AccountSnapshot(AccountId id, long version, AccountHolder holder, EmailAddress login,
                              String passwordHash, int failedAttempts, Instant firstFailureAt, Instant lockedUntil,
                              Instant passwordChangedAt, Instant lastLoginAt, Instant createdAt) {
    /** Checks the required parts. */
    public AccountSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * @param newVersion the version to carry
     * @return this state at another version
     */
    public AccountSnapshot withVersion(long newVersion) {
        return new AccountSnapshot(id, newVersion, holder, login, passwordHash, failedAttempts, firstFailureAt,
                lockedUntil, passwordChangedAt, lastLoginAt, createdAt);
    }

    @Override
    public String toString() {
        // the hash is a secret and the login personal data: neither belongs in a log line
        return "AccountSnapshot[id=" + id + ", version=" + version + ", holder=" + holder + "]";
    }
}
