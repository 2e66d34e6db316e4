package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.Duration;
import java.util.List;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.Accounts;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * Authentication, password changes and resets, sign-up, the access log and its retention: each use case is handed to
 * the collaborator that owns it, which share one {@link AccountSteps} and one {@link PasswordChecks}.
 */
final class AccountService implements Accounts {
    private final Logins logins;
    private final CustomerSignUp signUp;
    private final PasswordChanges passwordChanges;
    private final PasswordResets passwordResets;
    private final AccessLogReads accessLogReads;
    private final AccessLogRetention retention;

    AccountService(UseCaseSupport support, AccountStore accounts, PasswordResetTokenRepository tokens,
                   AccessLog accessLog, Customers customers, AccountSecurity security, Duration accessLogRetention) {
        AccountSteps steps = new AccountSteps(support, accounts, accessLog, security.lockout());
        PasswordChecks passwords = new PasswordChecks(security.hasher());
        this.logins = new Logins(support, accounts, steps, passwords);
        this.signUp = new CustomerSignUp(support, accounts, customers, steps, security);
        this.passwordChanges = new PasswordChanges(support, accounts, tokens, steps, passwords, security);
        this.passwordResets = new PasswordResets(support, accounts, tokens, steps, security);
        this.accessLogReads = new AccessLogReads(support, accounts, accessLog);
        this.retention = new AccessLogRetention(support, accessLog, accessLogRetention);
    }

    @Override
    public Actor authenticate(String email, String password, AccessContext context) {
        return logins.authenticate(email, password, context);
    }

    @Override
    public SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context) {
        return signUp.signUpCustomer(command, context);
    }

    @Override
    public void changePassword(Actor actor, ChangePasswordCommand command, AccessContext context) {
        passwordChanges.changePassword(actor, command, context);
    }

    @Override
    public void requestPasswordReset(String email, AccessContext context) {
        passwordResets.requestPasswordReset(email, context);
    }

    @Override
    public void resetPassword(ResetPasswordCommand command, AccessContext context) {
        passwordResets.resetPassword(command, context);
    }

    @Override
    public void logout(Actor actor, AccessContext context) {
        logins.logout(actor, context);
    }

    @Override
    public Page<AccessLogView> accessLog(Actor actor, AccessLogQuery query) {
        return accessLogReads.accessLog(actor, query);
    }

    @Override
    public long expireAccessContext(Actor actor, ExpireAccessContextCommand command) {
        return retention.expireAccessContext(actor, command);
    }

    @Override
    public List<DailyActivity> dailyActivity(Actor actor, DailyActivityQuery query) {
        return accessLogReads.dailyActivity(actor, query);
    }
}
