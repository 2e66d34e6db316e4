package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.MfaPolicy;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import java.time.Duration;
import java.util.List;
import org.crmkit.core.customer.internal.port.ContactVerifications;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.staff.port.in.AcceptInvitationCommand;
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
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.ResetMfaCommand;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * Authentication (logins in one or two steps and second factors), password changes and resets, sign-up, the access
 * log and its retention: each use case is handed to the collaborator that owns it, which share one
 * {@link AccountSteps}, one {@link PasswordChecks} and one {@link SecondFactorChecks}.
 */
final class AccountService implements Accounts {
    private final Logins logins;
    private final SecondFactorLogins secondFactorLogins;
    private final MfaEnrolments mfa;
    private final CustomerSignUp signUp;
    private final Invitations invitations;
    private final PasswordChanges passwordChanges;
    private final PasswordResets passwordResets;
    private final AccessLogReads accessLogReads;
    private final AccessLogRetention retention;

    AccountService(UseCaseSupport support, AccountStore accounts, PasswordResetTokenRepository tokens,
                   AccessLog accessLog, ContactVerifications verifications, CustomerDirectory customers,
                   AccountSecurity security, SecondFactorStore factors, MfaPolicy mfaPolicy,
                   Duration accessLogRetention) {
        AccountSteps steps = new AccountSteps(support, accounts, accessLog, security.lockout());
        PasswordChecks passwords = new PasswordChecks(security.hasher());
        SecondFactorChecks codes = new SecondFactorChecks(SecretSeal.PLAIN, mfaPolicy);
        this.secondFactorLogins = new SecondFactorLogins(support, accounts, factors, steps, codes, mfaPolicy,
                security.lockout());
        this.mfa = new MfaEnrolments(support, accounts, factors, steps, codes, secondFactorLogins);
        this.logins = new Logins(support, accounts, steps, passwords, secondFactorLogins);
        this.signUp = new CustomerSignUp(support, accounts, verifications, steps, security);
        this.invitations = new Invitations(support, accounts, verifications, customers, steps, security);
        this.passwordChanges = new PasswordChanges(support, accounts, tokens, steps, passwords, security);
        this.passwordResets = new PasswordResets(support, accounts, tokens, steps, security);
        this.accessLogReads = new AccessLogReads(support, accounts, accessLog);
        this.retention = new AccessLogRetention(support, accessLog, accessLogRetention);
    }

    @Override
    public LoginResult login(String email, String password, AccessContext context) {
        return logins.login(email, password, context);
    }

    @Override
    public LoginResult.LoggedIn completeLogin(SecondFactorCommand command, AccessContext context) {
        return secondFactorLogins.completeLogin(command, context);
    }

    @Override
    public Actor authenticate(String email, String password, AccessContext context) {
        return logins.authenticate(email, password, context);
    }

    @Override
    public void requestSignUp(String email, AccessContext context) {
        signUp.requestSignUp(email, context);
    }

    @Override
    public MfaEnrolment startMfaEnrolment(Actor actor, AccessContext context) {
        return mfa.start(actor, context);
    }

    @Override
    public List<String> confirmMfaEnrolment(Actor actor, MfaCodeCommand command, AccessContext context) {
        return mfa.confirm(actor, command, context);
    }

    @Override
    public void disableMfa(Actor actor, MfaCodeCommand command, AccessContext context) {
        mfa.disable(actor, command, context);
    }

    @Override
    public void resetMfa(Actor actor, ResetMfaCommand command) {
        mfa.reset(actor, command);
    }

    @Override
    public SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context) {
        return signUp.signUpCustomer(command, context);
    }

    @Override
    public void inviteCustomer(Actor actor, CustomerId customerId) {
        invitations.inviteCustomer(actor, customerId);
    }

    @Override
    public SignedUpCustomer acceptInvitation(AcceptInvitationCommand command, AccessContext context) {
        return invitations.acceptInvitation(command, context);
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
