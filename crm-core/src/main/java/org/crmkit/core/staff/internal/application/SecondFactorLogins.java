package org.crmkit.core.staff.internal.application;

import org.crmkit.core.shared.internal.OneTimeTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.SecondFactorCommand;

/**
 * The second step of logins: what a right password leads to (a challenge for a code, the enrolment a role requires, or
 * nothing more), and the code that completes the login. Wrong codes are counted on the second factor, apart from the
 * password's failures, and committed before the caller hears of them; the account's row is locked before its second
 * factor's, as at the password step, so two codes given at once are decided one after the other.
 */
final class SecondFactorLogins {
    /** How long a challenge for a code is accepted. */
    static final Duration CODE_CHALLENGE_TTL = Duration.ofMinutes(5);
    /** How long a challenge for an enrolment is accepted: time to install an app. */
    static final Duration ENROLMENT_CHALLENGE_TTL = Duration.ofMinutes(15);

    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final SecondFactorStore factors;
    private final AccountSteps steps;
    private final SecondFactorChecks checks;
    private final MfaPolicy policy;
    private final LockoutPolicy lockout;

    SecondFactorLogins(UseCaseSupport support, AccountStore accounts, SecondFactorStore factors, AccountSteps steps,
                       SecondFactorChecks checks, MfaPolicy policy, LockoutPolicy lockout) {
        this.support = support;
        this.accounts = accounts;
        this.factors = factors;
        this.steps = steps;
        this.checks = checks;
        this.policy = policy;
        this.lockout = lockout;
    }

    /**
     * Decides, on the locked account whose password was right, whether the login needs a second step, inside the
     * login's transaction.
     *
     * @param account the account, locked
     * @param actor   the actor its holder acts as now
     * @param context what the host knows of the caller
     * @param handOut whether a challenge may be handed out ({@code login}), or the call can only refuse ({@code
     *                authenticate})
     * @return empty when the password alone logs in; else the challenge, or the refusal to throw after commit
     */
    Optional<Outcome<LoginResult>> afterPassword(Account account, Actor actor, AccessContext context,
                                                 boolean handOut) {
        Optional<SecondFactor> factor = factors.findByAccountForUpdate(account.id());
        boolean active = factor.map(SecondFactor::isActive).orElse(false);
        boolean required = !active && actor instanceof Actor.Staff staff && policy.requires(staff.roles());
        if (!active && !required) {
            return Optional.empty();
        }
        steps.log(AccessEvent.LOGIN, active ? AccessOutcome.SECOND_FACTOR_REQUIRED : AccessOutcome.ENROLMENT_REQUIRED,
                account, context);
        if (!handOut) {
            return Optional.of(Outcome.failed(new BusinessRuleViolationException(StaffError.SECOND_FACTOR_REQUIRED,
                    "account " + account.id() + " logs in with a second step: use login")));
        }
        Instant now = support.now();
        String challenge = checks.newChallenge();
        String hash = OneTimeTokens.hash(challenge);
        if (active) {
            SecondFactor existing = factor.get();
            Instant expiresAt = now.plus(CODE_CHALLENGE_TTL);
            existing.openChallenge(hash, expiresAt);
            factors.update(existing);
            return Optional.of(Outcome.ok(new LoginResult.SecondFactorRequired(challenge, expiresAt)));
        }
        byte[] secret = checks.newSecret();
        SecondFactor pending = factor.orElse(null);
        if (pending == null) {
            pending = SecondFactor.enrol(account.id(), checks.seal(secret), now);
        } else {
            pending.restart(checks.seal(secret), now);
        }
        Instant expiresAt = now.plus(ENROLMENT_CHALLENGE_TTL);
        pending.openChallenge(hash, expiresAt);
        if (factor.isEmpty()) {
            factors.add(pending);
        } else {
            factors.update(pending);
        }
        return Optional.of(Outcome.ok(new LoginResult.EnrolmentRequired(challenge, expiresAt,
                checks.enrolment(secret, account.login()))));
    }

    LoginResult.LoggedIn completeLogin(SecondFactorCommand command, AccessContext context) {
        support.validate(Actor.anonymous(), command,
                fields -> fields.attempt(() -> Arguments.requireContext(context)));
        String hash = OneTimeTokens.hash(command.challenge().strip());
        return support.transaction(() -> complete(hash, command.code(), context)).get();
    }

    /** Completes the login when the challenge is open and the code right, or decides the refusal thrown after commit. */
    private Outcome<LoginResult.LoggedIn> complete(String challengeHash, String code, AccessContext context) {
        Instant now = support.now();
        // the account's row first, then its second factor's: the order of the password step, so neither waits on the
        // other in a cycle
        Optional<Account> account = factors.findByChallenge(challengeHash)
                .flatMap(f -> accounts.findById(f.account()))
                .flatMap(a -> accounts.findByLoginForUpdate(a.login()));
        Optional<SecondFactor> factor = account.flatMap(a -> factors.findByAccountForUpdate(a.id()))
                .filter(f -> f.hasOpenChallenge(challengeHash, now));
        // checked before anything is decided, so that every answer costs the same
        SecondFactorChecks.Verdict verdict = checks.check(factor.orElse(null), code, now);
        if (factor.isEmpty()) {
            steps.log(AccessEvent.SECOND_FACTOR, AccessOutcome.INVALID_TOKEN, account.orElse(null), context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        Account locked = account.get();
        SecondFactor second = factor.get();
        Optional<Actor> actor = steps.activeActorOf(locked.holder());
        if (actor.isEmpty() || locked.isLocked(now) || second.isLocked(now)) {
            steps.log(AccessEvent.SECOND_FACTOR, actor.isEmpty() ? AccessOutcome.INACTIVE : AccessOutcome.LOCKED,
                    locked, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        List<String> recoveryCodes = List.of();
        String audited = null;
        switch (verdict.kind()) {
            case CODE -> {
                if (second.isActive()) {
                    second.acceptCode(verdict.step());
                } else {
                    recoveryCodes = checks.newRecoveryCodes();
                    second.confirm(verdict.step(), SecondFactorChecks.hashes(recoveryCodes), now);
                    audited = "account.enable_mfa";
                }
            }
            case RECOVERY -> {
                if (!second.isActive() || !second.useRecoveryCode(verdict.hash())) {
                    return wrongCode(locked, second, AccessOutcome.BAD_CREDENTIALS, now, context);
                }
                audited = "account.use_recovery_code";
            }
            case REPLAY -> {
                return wrongCode(locked, second, AccessOutcome.REPLAYED_CODE, now, context);
            }
            default -> {
                return wrongCode(locked, second, AccessOutcome.BAD_CREDENTIALS, now, context);
            }
        }
        factors.update(second);
        locked.recordSuccess(now);
        accounts.update(locked);
        if (audited != null) {
            support.audit(actor.get(), audited, AccountSteps.TYPE, locked.id().value());
        }
        steps.log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, locked, context);
        return Outcome.ok(new LoginResult.LoggedIn(actor.get(), recoveryCodes));
    }

    private Outcome<LoginResult.LoggedIn> wrongCode(Account account, SecondFactor factor, AccessOutcome outcome,
                                                    Instant now, AccessContext context) {
        countWrongCode(factor, now);
        steps.log(AccessEvent.SECOND_FACTOR, outcome, account, context);
        return Outcome.failed(new AuthenticationFailedException());
    }

    /** Counts a wrong or replayed code on the second factor, locking it at the policy's count. */
    void countWrongCode(SecondFactor factor, Instant now) {
        factor.recordFailure(now, lockout);
        factors.update(factor);
        support.publishAfterCommit(factor.pullEvents());
    }
}
