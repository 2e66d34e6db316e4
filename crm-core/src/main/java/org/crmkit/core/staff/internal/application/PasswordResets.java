package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.internal.store.AccountStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.OneTimeTokens;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.out.PasswordResetNotifier;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * Password resets by one-time token: a request issues a token (only its hash is stored) and hands it to the notifier
 * after commit, answering the same whether or not the email has an account; a reset with a usable token sets the new
 * password and uses up every open token of the account.
 */
final class PasswordResets {
    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final PasswordResetTokenRepository tokens;
    private final AccountSteps steps;
    private final AccountSecurity security;

    PasswordResets(UseCaseSupport support, AccountStore accounts, PasswordResetTokenRepository tokens,
                   AccountSteps steps, AccountSecurity security) {
        this.support = support;
        this.accounts = accounts;
        this.tokens = tokens;
        this.steps = steps;
        this.security = security;
    }

    /** A reset request's arguments. */
    record ResetRequest(@NotNull @Size(max = 254) String email, @NotNull @Valid AccessContext context) {
        @Override
        public String toString() {
            return "ResetRequest[withheld]";
        }
    }

    void requestPasswordReset(String email, AccessContext context) {
        support.validate(Actor.anonymous(), new ResetRequest(email, context));
        Optional<EmailAddress> login = AccountSteps.parseLogin(email);
        support.transaction(() -> {
            Optional<Account> found = login.flatMap(accounts::findByLoginForUpdate);
            if (found.isEmpty()) {
                steps.log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.UNKNOWN_ACCOUNT, null, context);
                return null;
            }
            Account account = found.get();
            if (steps.activeActorOf(account.holder()).isEmpty()) {
                steps.log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.INACTIVE, account, context);
                return null;
            }
            String token = OneTimeTokens.next();
            Instant now = support.now();
            Instant expiresAt = now.plus(security.resetTokenTtl());
            tokens.add(new PasswordResetToken(UuidV7.next(support.clock()), account.id(), OneTimeTokens.hash(token),
                    now, expiresAt, null));
            steps.log(AccessEvent.PASSWORD_RESET_REQUEST, AccessOutcome.SUCCESS, account, context);
            PasswordResetNotifier.Message message = new PasswordResetNotifier.Message(account.holder(),
                    account.login(), token, expiresAt);
            support.afterCommit("password reset delivery for account " + account.id(),
                    () -> security.notifier().deliver(message));
            return null;
        });
    }

    void resetPassword(ResetPasswordCommand command, AccessContext context) {
        support.validate(Actor.anonymous(), command, checks -> checks.attempt(() -> Arguments.requireContext(context)));
        support.transaction(() -> reset(command, context)).get();
    }

    /** Sets the new password when the token is usable, or decides the refusal that is thrown after the commit. */
    private Outcome<Void> reset(ResetPasswordCommand command, AccessContext context) {
        Instant now = support.now();
        Optional<PasswordResetToken> found = tokens.findByHash(OneTimeTokens.hash(command.token()));
        if (found.isEmpty()) {
            steps.log(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, null, context);
            return Outcome.failed(invalidToken("is unknown"));
        }
        PasswordResetToken token = found.get();
        Account account = accounts.findById(token.account())
                .orElseThrow(() -> new NotFoundException(AccountSteps.TYPE, token.account()));
        if (token.usedAt() != null || !now.isBefore(token.expiresAt())) {
            steps.log(AccessEvent.PASSWORD_RESET, AccessOutcome.INVALID_TOKEN, account, context);
            return Outcome.failed(invalidToken(token.usedAt() != null ? "was already used" : "has expired"));
        }
        if (steps.activeActorOf(account.holder()).isEmpty()) {
            steps.log(AccessEvent.PASSWORD_RESET, AccessOutcome.INACTIVE, account, context);
            return Outcome.failed(invalidToken("belongs to an account that may not log in"));
        }
        // refused like every other bad field of a command: an InvalidCommandException naming newPassword
        UseCaseSupport.commandField(() -> {
            security.passwordPolicy().check("newPassword", command.newPassword(), account.login());
            return null;
        });
        if (!tokens.markUsed(token.id(), now)) {
            // a concurrent reset used it between our read and our write
            return Outcome.failed(invalidToken("was already used"));
        }
        tokens.markAllUsed(account.id(), now);
        account.setPasswordHash(security.hasher().hash(command.newPassword()), now, true);
        accounts.update(account);
        support.publishAfterCommit(account.pullEvents());
        support.audit(Actor.anonymous(), "account.reset_password", AccountSteps.TYPE, account.id().value());
        steps.log(AccessEvent.PASSWORD_RESET, AccessOutcome.SUCCESS, account, context);
        return Outcome.ok(null);
    }

    private static BusinessRuleViolationException invalidToken(String why) {
        return new BusinessRuleViolationException(StaffError.RESET_TOKEN_INVALID, "the password reset token " + why);
    }
}
