package org.crmkit.core.staff.internal.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.SecondFactorStatus;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.StaffEvents;

/**
 * An account's second factor: a TOTP secret, pending until its first code confirms it, then active. It keeps the time
 * step of the last code accepted (a code of that step or an earlier one is a replay), the hashes of the unused
 * recovery codes, the one open login challenge (its hash and end), and the second step's failure count and lock,
 * which work like the password's ({@link LockoutPolicy}) but apart from it. The secret and the hashes are opaque here;
 * making and checking codes belongs to the application.
 */
public final class SecondFactor extends AggregateRoot {
    static final String TYPE = "second_factor";

    private final AccountId account;
    private SecondFactorStatus status;
    private String secret;
    private Instant createdAt;
    private Instant confirmedAt;
    private Long lastAcceptedStep;
    private List<String> recoveryCodeHashes;
    private String challengeHash;
    private Instant challengeExpiresAt;
    private int failedAttempts;
    private Instant firstFailureAt;
    private Instant lockedUntil;

    private SecondFactor(SecondFactorSnapshot s) {
        super(TYPE, s.version());
        this.account = s.account();
        this.status = s.status();
        this.secret = s.secret();
        this.createdAt = s.createdAt();
        this.confirmedAt = s.confirmedAt();
        this.lastAcceptedStep = s.lastAcceptedStep();
        this.recoveryCodeHashes = new ArrayList<>(s.recoveryCodeHashes());
        this.challengeHash = s.challengeHash();
        this.challengeExpiresAt = s.challengeExpiresAt();
        this.failedAttempts = s.failedAttempts();
        this.firstFailureAt = s.firstFailureAt();
        this.lockedUntil = s.lockedUntil();
    }

    /**
     * @param account the account
     * @param secret  the sealed secret
     * @param now     the current time
     * @return a pending second factor
     */
    public static SecondFactor enrol(AccountId account, String secret, Instant now) {
        return new SecondFactor(new SecondFactorSnapshot(account, 0, SecondFactorStatus.PENDING,
                Objects.requireNonNull(secret, "secret"), now, null, null, List.of(), null, null, 0, null, null));
    }

    /** @param snapshot stored state @return the second factor */
    public static SecondFactor restore(SecondFactorSnapshot snapshot) {
        return new SecondFactor(snapshot);
    }

    @Override
    protected Object identity() {
        return account;
    }

    /**
     * Replaces the secret of a pending second factor (an enrolment started again); its challenge ends.
     *
     * @param newSecret the sealed secret
     * @param now       the current time
     * @throws BusinessRuleViolationException ({@code mfa_already_active}) when it is active
     */
    public void restart(String newSecret, Instant now) {
        requirePending();
        secret = Objects.requireNonNull(newSecret, "secret");
        createdAt = now;
        challengeHash = null;
        challengeExpiresAt = null;
    }

    /**
     * Opens a login challenge, replacing any earlier one.
     *
     * @param hash      the challenge's hash
     * @param expiresAt when it ends
     */
    public void openChallenge(String hash, Instant expiresAt) {
        challengeHash = Objects.requireNonNull(hash, "hash");
        challengeExpiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * @param hash a challenge's hash
     * @param now  the current time
     * @return whether it is this second factor's open challenge and has not ended
     */
    public boolean hasOpenChallenge(String hash, Instant now) {
        return challengeHash != null && challengeHash.equals(hash) && now.isBefore(challengeExpiresAt);
    }

    /** @param now the current time @return whether the second step is locked at that time */
    public boolean isLocked(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /**
     * @param step a code's time step
     * @return whether a code of that step would be a replay: one of it or of a later step was accepted already
     */
    public boolean isReplay(long step) {
        return lastAcceptedStep != null && step <= lastAcceptedStep;
    }

    /**
     * Counts a wrong (or replayed) code; the one that reaches the policy's count locks the second step.
     *
     * @param now    the current time
     * @param policy the lockout settings
     * @return whether this failure locked it
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
            record(new StaffEvents.SecondFactorLocked(account, now));
            return true;
        }
        return false;
    }

    /**
     * Accepts a code of an active second factor: no code of that step or an earlier one is accepted again, the
     * failure count ends and so does the challenge.
     *
     * @param step the code's time step, later than the last accepted one
     */
    public void acceptCode(long step) {
        requireActive();
        if (isReplay(step)) {
            throw new IllegalStateException("a code of step " + step + " was accepted already");
        }
        lastAcceptedStep = step;
        passed();
    }

    /**
     * Uses up an unused recovery code of an active second factor; the failure count and the challenge end.
     *
     * @param hash the code's hash
     * @return whether it was an unused recovery code (and is now used)
     */
    public boolean useRecoveryCode(String hash) {
        requireActive();
        if (!recoveryCodeHashes.remove(hash)) {
            return false;
        }
        passed();
        return true;
    }

    /**
     * Confirms a pending second factor with its first code: it becomes active, with these recovery codes.
     *
     * @param step               the first code's time step
     * @param recoveryCodeHashes the hashes of the new recovery codes
     * @param now                the current time
     * @throws BusinessRuleViolationException ({@code mfa_already_active}) when it is active already
     */
    public void confirm(long step, List<String> recoveryCodeHashes, Instant now) {
        requirePending();
        status = SecondFactorStatus.ACTIVE;
        confirmedAt = now;
        lastAcceptedStep = step;
        this.recoveryCodeHashes = new ArrayList<>(recoveryCodeHashes);
        passed();
    }

    private void passed() {
        failedAttempts = 0;
        firstFailureAt = null;
        lockedUntil = null;
        challengeHash = null;
        challengeExpiresAt = null;
    }

    private void requirePending() {
        if (status != SecondFactorStatus.PENDING) {
            throw new BusinessRuleViolationException(StaffError.MFA_ALREADY_ACTIVE,
                    "account " + account + " has an active second factor");
        }
    }

    private void requireActive() {
        if (status != SecondFactorStatus.ACTIVE) {
            throw new IllegalStateException("second factor of account " + account + " is not active");
        }
    }

    /** @return whether it is active (confirmed) */
    public boolean isActive() {
        return status == SecondFactorStatus.ACTIVE;
    }

    /** @return the account */
    public AccountId account() {
        return account;
    }

    /** @return the sealed secret */
    public String secret() {
        return secret;
    }

    /** @return the current state */
    public SecondFactorSnapshot snapshot() {
        return new SecondFactorSnapshot(account, version(), status, secret, createdAt, confirmedAt, lastAcceptedStep,
                recoveryCodeHashes, challengeHash, challengeExpiresAt, failedAttempts, firstFailureAt, lockedUntil);
    }
}
