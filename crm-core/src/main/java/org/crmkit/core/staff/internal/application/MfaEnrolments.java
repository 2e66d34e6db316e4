package org.crmkit.core.staff.internal.application;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.ResetMfaCommand;

/**
 * A caller's own second factor (enrolment, confirmation, removal with a current code) and an administrator's reset of
 * someone else's. Each locks the account's row, then the second factor's, like the logins.
 */
final class MfaEnrolments {
    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final SecondFactorStore factors;
    private final AccountSteps steps;
    private final SecondFactorChecks checks;
    private final SecondFactorLogins logins;

    MfaEnrolments(UseCaseSupport support, AccountStore accounts, SecondFactorStore factors, AccountSteps steps,
                  SecondFactorChecks checks, SecondFactorLogins logins) {
        this.support = support;
        this.accounts = accounts;
        this.factors = factors;
        this.steps = steps;
        this.checks = checks;
        this.logins = logins;
    }

    MfaEnrolment start(Actor actor, AccessContext context) {
        support.validate(actor, new Arguments.Context(context));
        return support.transaction(() -> {
            Account account = steps.ownAccount(actor, StaffPermission.ACCOUNT_MFA, "account.start_mfa_enrolment",
                    true);
            Instant now = support.now();
            byte[] secret = checks.newSecret();
            Optional<SecondFactor> existing = factors.findByAccountForUpdate(account.id());
            if (existing.isPresent()) {
                existing.get().restart(checks.seal(secret), now);
                factors.update(existing.get());
            } else {
                factors.add(SecondFactor.enrol(account.id(), checks.seal(secret), now));
            }
            support.audit(actor, "account.start_mfa_enrolment", AccountSteps.TYPE, account.id().value());
            return checks.enrolment(secret, account.login());
        });
    }

    List<String> confirm(Actor actor, MfaCodeCommand command, AccessContext context) {
        support.validate(actor, command, fields -> fields.attempt(() -> Arguments.requireContext(context)));
        return support.transaction(() -> {
            Account account = steps.ownAccount(actor, StaffPermission.ACCOUNT_MFA, "account.confirm_mfa_enrolment",
                    true);
            SecondFactor pending = factors.findByAccountForUpdate(account.id())
                    .orElseThrow(() -> notEnrolled(account, "no enrolment was started"));
            if (pending.isActive()) {
                throw new BusinessRuleViolationException(StaffError.MFA_ALREADY_ACTIVE,
                        "account " + account.id() + " has an active second factor");
            }
            Instant now = support.now();
            SecondFactorChecks.Verdict verdict = checks.check(pending, command.code(), now);
            if (verdict.kind() != SecondFactorChecks.Verdict.Kind.CODE) {
                // the caller is logged in and sees the secret: a wrong first code is a typo, not a guess, so it is
                // refused without counting (and nothing is written)
                throw new BusinessRuleViolationException(StaffError.MFA_CODE_INVALID,
                        "the code does not match the second factor being enrolled");
            }
            List<String> recoveryCodes = checks.newRecoveryCodes();
            pending.confirm(verdict.step(), SecondFactorChecks.hashes(recoveryCodes), now);
            factors.update(pending);
            support.audit(actor, "account.enable_mfa", AccountSteps.TYPE, account.id().value());
            steps.log(AccessEvent.MFA_ENROLMENT, AccessOutcome.SUCCESS, account, context);
            return recoveryCodes;
        });
    }

    void disable(Actor actor, MfaCodeCommand command, AccessContext context) {
        support.validate(actor, command, fields -> fields.attempt(() -> Arguments.requireContext(context)));
        support.transaction(() -> disable(actor, command.code(), context)).get();
    }

    /** Removes the caller's active second factor when the code is right, or decides the refusal thrown after commit. */
    private Outcome<Void> disable(Actor actor, String code, AccessContext context) {
        Account account = steps.ownAccount(actor, StaffPermission.ACCOUNT_MFA, "account.disable_mfa", true);
        Optional<SecondFactor> found = factors.findByAccountForUpdate(account.id()).filter(SecondFactor::isActive);
        Instant now = support.now();
        SecondFactorChecks.Verdict verdict = checks.check(found.orElse(null), code, now);
        SecondFactor active = found.orElseThrow(() -> notEnrolled(account, "no second factor is active"));
        if (account.isLocked(now) || active.isLocked(now)) {
            steps.log(AccessEvent.MFA_DISABLE, AccessOutcome.LOCKED, account, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        boolean right = verdict.kind() == SecondFactorChecks.Verdict.Kind.CODE
                || verdict.kind() == SecondFactorChecks.Verdict.Kind.RECOVERY && active.useRecoveryCode(verdict.hash());
        if (!right) {
            logins.countWrongCode(active, now);
            steps.log(AccessEvent.MFA_DISABLE, verdict.kind() == SecondFactorChecks.Verdict.Kind.REPLAY
                    ? AccessOutcome.REPLAYED_CODE : AccessOutcome.BAD_CREDENTIALS, account, context);
            return Outcome.failed(new AuthenticationFailedException());
        }
        factors.delete(account.id());
        support.audit(actor, "account.disable_mfa", AccountSteps.TYPE, account.id().value());
        steps.log(AccessEvent.MFA_DISABLE, AccessOutcome.SUCCESS, account, context);
        return Outcome.ok(null);
    }

    void reset(Actor actor, ResetMfaCommand command) {
        AccountHolder holder = support.validate(actor, command, fields -> {
            if ((command.staffId() == null) == (command.customerId() == null)) {
                fields.refuse(command.staffId() == null ? "staffId" : "customerId",
                        "name either a staff user or a customer");
                return null;
            }
            return command.staffId() != null ? AccountHolder.of(command.staffId())
                    : AccountHolder.of(command.customerId());
        });
        support.transaction(() -> {
            // the department and the account manager are not looked up: the default grants administrators any
            // holder, and a host policy that would need them refuses without (it fails closed)
            AccessTarget target = command.staffId() != null ? AccessTarget.staff(command.staffId(), null)
                    : AccessTarget.customer(command.customerId(), null);
            support.authorize(actor, StaffPermission.MFA_RESET, target, "account.reset_mfa", AccountSteps.TYPE, null);
            Account account = accounts.findByHolder(holder)
                    .flatMap(a -> accounts.findByLoginForUpdate(a.login()))
                    .orElseThrow(() -> new NotFoundException(AccountSteps.TYPE, holder.kind().name()
                            .toLowerCase(Locale.ROOT) + " " + holder.id()));
            if (factors.findByAccountForUpdate(account.id()).isPresent()) {
                factors.delete(account.id());
                support.audit(actor, "account.reset_mfa", AccountSteps.TYPE, account.id().value());
            }
            return null;
        });
    }

    private static BusinessRuleViolationException notEnrolled(Account account, String why) {
        return new BusinessRuleViolationException(StaffError.MFA_NOT_ENROLLED, "account " + account.id() + ": " + why);
    }
}
