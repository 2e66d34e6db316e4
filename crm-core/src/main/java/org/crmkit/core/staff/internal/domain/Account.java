package org.crmkit.core.staff.internal.domain;

import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.StaffEvents;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.EmailAddress;

/**
 * Login credentials of a staff user or a customer: a login email, a password hash, and the lockout state. The lock
 * is stored with the account, so it survives a restart. The hash is opaque here; hashing and verifying belong to the
 * {@code PasswordHasher} port.
 */
public final class Account extends AggregateRoot {
    static final String TYPE = "account";

    private final AccountId id;
    private final AccountHolder holder;
    private EmailAddress login;
    private String passwordHash;
    private int failedAttempts;
    private Instant firstFailureAt;
    private Instant lockedUntil;
    private Instant passwordChangedAt;
    private Instant lastLoginAt;
    private final Instant createdAt;

    private Account(AccountSnapshot s) {
        super(TYPE, s.version());
        this.id = s.id();
        this.holder = s.holder();
        this.login = s.login();
        this.passwordHash = s.passwordHash();
        this.failedAttempts = s.failedAttempts();
        this.firstFailureAt = s.firstFailureAt();
        this.lockedUntil = s.lockedUntil();
        this.passwordChangedAt = s.passwordChangedAt();
        this.lastLoginAt = s.lastLoginAt();
        this.createdAt = s.createdAt();
    }

    /**
     * @param id           the new id
     * @param holder       whose account
     * @param login        the login email
     * @param passwordHash the hash, or {@code null} when the holder sets a password later (by a reset)
     * @param now          the current time
     * @return a new account
     */
    public static Account open(AccountId id, AccountHolder holder, EmailAddress login, String passwordHash,
                               Instant now) {
        return new Account(new AccountSnapshot(id, 0, holder, login, passwordHash, 0, null, null,
                passwordHash == null ? null : now, null, now));
    }

    /** @param snapshot stored state @return the account */
    public static Account restore(AccountSnapshot snapshot) {
        return new Account(snapshot);
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** @param now the current time @return whether a lock holds at that time */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * Counts a failed login; the failure that reaches the policy's count locks the account.
     *
     * @param now    the current time
     * @param policy the lockout settings
     * @return whether this failure locked the account
     */
    public boolean recordFailure(Instant now, LockoutPolicy policy) {
        boolean windowOver = firstFailureAt == null || !now.isBefore(firstFailureAt.plus(policy.window()))
                || lockedUntil != null && !now.isBefore(lockedUntil);
        if (windowOver) {
            failedAttempts = 0;
            firstFailureAt = now;
            lockedUntil = null;
        }
        failedAttempts++;
        if (failedAttempts >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockDuration());
            record(new StaffEvents.AccountLocked(id, now));
            return true;
        }
        return false;
    }

    /** @param now the time of a successful login: the failure count and any lock end */
    public void recordSuccess(Instant now) {
        failedAttempts = 0;
        firstFailureAt = null;
        lockedUntil = null;
        lastLoginAt = now;
    }

    /**
     * Sets a new password hash (change, reset or rehash at login).
     *
     * @param newHash  the new hash
     * @param now      the current time
     * @param endsLock whether this also ends a lock and the failure count (a reset does)
     */
    public void setPasswordHash(String newHash, Instant now, boolean endsLock) {
        passwordHash = Objects.requireNonNull(newHash, "passwordHash");
        passwordChangedAt = now;
        if (endsLock) {
            failedAttempts = 0;
            firstFailureAt = null;
            lockedUntil = null;
        }
        record(new StaffEvents.PasswordChanged(id, now));
    }

    /** @param newHash the same password hashed with current parameters (no event: the password did not change) */
    public void rehash(String newHash) {
        passwordHash = Objects.requireNonNull(newHash, "passwordHash");
    }

    /** @param newLogin the new login email */
    public void changeLogin(EmailAddress newLogin) {
        login = Objects.requireNonNull(newLogin, "login");
    }

    /** @return the id */
    public AccountId id() {
        return id;
    }

    /** @return whose account */
    public AccountHolder holder() {
        return holder;
    }

    /** @return the login email */
    public EmailAddress login() {
        return login;
    }

    /** @return the stored hash, or {@code null} while no password was set */
    public String passwordHash() {
        return passwordHash;
    }

    /** @return the current state */
    public AccountSnapshot snapshot() {
        return new AccountSnapshot(id, version(), holder, login, passwordHash, failedAttempts, firstFailureAt,
                lockedUntil, passwordChangedAt, lastLoginAt, createdAt);
    }
}
