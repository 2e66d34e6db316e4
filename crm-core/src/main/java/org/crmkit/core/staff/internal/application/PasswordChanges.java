package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.Instant;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * A caller's change of their own password. A wrong current password counts towards the lockout like a failed login,
 * and a locked account refuses the change; a change uses up the account's open reset tokens.
 */
final class PasswordChanges {
    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final PasswordResetTokenRepository tokens;
    private final AccountSteps steps;
    private final PasswordChecks passwords;
    private final AccountSecurity security;

    PasswordChanges(UseCaseSupport support, AccountStore accounts, PasswordResetTokenRepository tokens,
                    AccountSteps steps, PasswordChecks passwords, AccountSecurity security) {
        this.support = support;
        this.accounts = accounts;
        this.tokens = tokens;
        this.steps = steps;
        this.passwords = passwords;
        this.security = security;
    }

    void changePassword(Actor actor, ChangePasswordCommand command, AccessContext context) {
        support.validate(actor, command, checks -> checks.attempt(() -> Arguments.requireContext(context)));
        support.transaction(() -> change(actor, command, context)).get();
    }

    /** Changes the password on the locked account, or decides the refusal that is thrown after the commit. */
    private Outcome<Void> change(Actor actor, ChangePasswordCommand command, AccessContext context) {
        Account account = steps.ownAccount(actor, StaffPermission.ACCOUNT_CHANGE_PASSWORD, "account.change_password",
                true);
        Instant now = support.now();
        if (account.isLocked(now)) {
            // the lock stops guessing the current password here as much as at login
            passwords.checkAgainstDummy(command.currentPassword());
            steps.log(AccessEvent.PASSWORD_CHANGE, AccessOutcome.LOCKED, account, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        // the new password is judged before the current one is checked, so the answer to a guess of the
        // current password never depends on anything but that guess
        // refused like every other bad field of a command: an InvalidCommandException naming newPassword
        UseCaseSupport.commandField(() -> {
            security.passwordPolicy().check("newPassword", command.newPassword(), account.login());
            if (command.newPassword().equals(command.currentPassword())) {
                throw new InvalidValueException("newPassword", "must differ from the current password");
            }
            return null;
        });
        if (!passwords.matches(account, command.currentPassword())) {
            steps.failed(account, AccessEvent.PASSWORD_CHANGE, now, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        account.setPasswordHash(security.hasher().hash(command.newPassword()), now, false);
        accounts.update(account);
        tokens.markAllUsed(account.id(), now);
        support.publishAfterCommit(account.pullEvents());
        support.audit(actor, "account.change_password", AccountSteps.TYPE, account.id().value());
        steps.log(AccessEvent.PASSWORD_CHANGE, AccessOutcome.SUCCESS, account, context);
        return Outcome.ok(null);
    }
}
