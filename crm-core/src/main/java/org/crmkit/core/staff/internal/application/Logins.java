package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.LoginResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logins (their password step) and logouts. A failed login is committed (its count and the access log entry must
 * survive) before the caller gets the one {@link AuthenticationFailedException}; the account row is locked for the
 * login's transaction, so concurrent attempts on one account are counted one after the other. A right password of an
 * account with a second factor (or whose role requires one) leads to the second step ({@link SecondFactorLogins}).
 */
final class Logins {
    private static final Logger LOG = LoggerFactory.getLogger(Logins.class);

    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final AccountSteps steps;
    private final PasswordChecks passwords;
    private final SecondFactorLogins secondFactors;

    Logins(UseCaseSupport support, AccountStore accounts, AccountSteps steps, PasswordChecks passwords,
           SecondFactorLogins secondFactors) {
        this.support = support;
        this.accounts = accounts;
        this.steps = steps;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
    }

    /** A login's arguments, checked like a command. */
    record Login(@NotNull @Size(max = 254) String email, @NotNull @Size(max = 512) String password,
                 @NotNull @Valid AccessContext context) {
        @Override
        public String toString() {
            return "Login[withheld]";
        }
    }

    LoginResult login(String email, String password, AccessContext context) {
        return logIn(email, password, context, true);
    }

    Actor authenticate(String email, String password, AccessContext context) {
        // the password alone: a login that needs a second step is refused (second_factor_required) after its commit
        return ((LoginResult.LoggedIn) logIn(email, password, context, false)).actor();
    }

    /** A login's password step; {@code handOut}: whether a login that needs a second step gets its challenge. */
    private LoginResult logIn(String email, String password, AccessContext context, boolean handOut) {
        support.validate(Actor.anonymous(), new Login(email, password, context));
        Optional<EmailAddress> login = AccountSteps.parseLogin(email);
        // the slow part (PBKDF2) runs before the account row is locked, so parallel attempts wait only for the
        // short bookkeeping below, and a real account answers as fast as an unknown one
        PasswordChecks.Verification checked = passwords.verify(login
                .flatMap(l -> support.transaction(() -> accounts.findByLoginForUpdate(l)))
                .map(Account::passwordHash).orElse(null), password);
        Admission admitted = support.transaction(() -> {
            Optional<Account> found = login.flatMap(accounts::findByLoginForUpdate);
            if (found.isEmpty()) {
                steps.log(AccessEvent.LOGIN, AccessOutcome.UNKNOWN_ACCOUNT, null, context);
                return Outcome.<Admission>failed(new AuthenticationFailedException());
            }
            return admit(found.get(), password, checked, context, handOut);
        }).get();
        upgradeHashIfDue(login.orElseThrow(), admitted.hash(), password);
        return admitted.result();
    }

    /** A login whose password was right: logged in or on to its second step, and the stored hash it matched. */
    private record Admission(LoginResult result, String hash) {
    }

    /**
     * After a right password only (logged in, or on to the second step, which tells the caller as much), and outside
     * its transaction (PBKDF2 at the current settings takes a while, and the account row must not stay locked
     * meanwhile): stores the password hashed with the current settings when the stored hash is weaker, unless the
     * password changed meanwhile. A failure leaves the old hash for the next login.
     */
    private void upgradeHashIfDue(EmailAddress login, String matchedHash, String password) {
        String upgraded = passwords.upgradedHash(matchedHash, password);
        if (upgraded == null) {
            return;
        }
        try {
            support.transaction(() -> {
                accounts.findByLoginForUpdate(login).filter(a -> Objects.equals(a.passwordHash(), matchedHash))
                        .ifPresent(account -> {
                            account.rehash(upgraded);
                            accounts.update(account);
                        });
                return null;
            });
        } catch (CrmException e) {
            LOG.info("hash upgrade deferred to a later sign-in ({})", e.code());
        }
    }

    /**
     * Decides a login on its locked account: refused when the account is locked or its holder may not log in, counted
     * as a failure when the password is wrong; else on to the second step when the account needs one, or recorded as a
     * success. An attempt on a locked account is logged ({@code LOCKED}) but does not extend the lock: it did the same
     * work as any other answer and learned nothing.
     */
    private Outcome<Admission> admit(Account account, String password, PasswordChecks.Verification checked,
                                     AccessContext context, boolean handOut) {
        // the password changed between the check and the lock: check again, now under the lock (rare)
        PasswordChecks.Verification verified = Objects.equals(account.passwordHash(), checked.hash()) ? checked
                : passwords.verify(account.passwordHash(), password);
        Instant now = support.now();
        Optional<Actor> actor = steps.activeActorOf(account.holder());
        if (account.isLocked(now) || actor.isEmpty()) {
            steps.log(AccessEvent.LOGIN, actor.isEmpty() ? AccessOutcome.INACTIVE : AccessOutcome.LOCKED, account,
                    context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        if (!verified.matches()) {
            steps.failed(account, AccessEvent.LOGIN, now, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        Optional<Outcome<LoginResult>> secondStep = secondFactors.afterPassword(account, actor.get(), context,
                handOut);
        if (secondStep.isPresent()) {
            // the password's failures are left as they are until the login completes
            Outcome<LoginResult> next = secondStep.get();
            return next.failure() != null ? Outcome.failed(next.failure())
                    : Outcome.ok(new Admission(next.value(), verified.hash()));
        }
        account.recordSuccess(now);
        accounts.update(account);
        steps.log(AccessEvent.LOGIN, AccessOutcome.SUCCESS, account, context);
        LOG.debug("login of account {}", account.id());
        return Outcome.ok(new Admission(new LoginResult.LoggedIn(actor.get(), List.of()), verified.hash()));
    }

    void logout(Actor actor, AccessContext context) {
        support.validate(actor, new Arguments.Context(context));
        support.transaction(() -> {
            Account account = steps.ownAccount(actor, StaffPermission.ACCOUNT_LOGOUT, "account.logout", false);
            steps.log(AccessEvent.LOGOUT, AccessOutcome.SUCCESS, account, context);
            return null;
        });
    }
}
