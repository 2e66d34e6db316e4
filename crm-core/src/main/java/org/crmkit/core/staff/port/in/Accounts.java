package org.crmkit.core.staff.port.in;

import java.util.List;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;

/**
 * Authentication and the access log ({@code crm.accounts()}): logins in one or two steps (password, then a code of a
 * second factor, TOTP), second factors, passwords, and the access log. Logins, logouts, password changes and resets
 * are written to the access log with the {@link AccessContext} the host passes; none of them tells a caller which part
 * of a failed login was wrong.
 */
public interface Accounts {

    /**
     * Checks a login's password: the first step of a login, the only one for an account without a second factor.
     * Five failures within fifteen minutes (configurable) lock the account for fifteen minutes; the lock is stored. A
     * password stored with older parameters is re-hashed with the current ones once the password was found right.
     *
     * <p>An account with an active second factor gets {@link LoginResult.SecondFactorRequired}; a staff user whose
     * role must use one (the {@code MfaPolicy}) and has none gets {@link LoginResult.EnrolmentRequired}; every other
     * right password gets {@link LoginResult.LoggedIn}. Such an answer tells the caller that the password was right;
     * it is counted as no failure, and the second step has its own count and lock ({@link #completeLogin}).
     *
     * <p>Retry: safe: a retry is another login, logged again in the access log (a failed one also counts again toward
     * the lockout); a retry of a login waiting for its second step replaces the earlier challenge.
     *
     * @param email    the login email
     * @param password the password
     * @param context  what the host knows of the caller
     * @return logged in, or what the second step needs
     * @throws org.crmkit.core.shared.AuthenticationFailedException for every failure, whatever its reason
     */
    LoginResult login(String email, String password, AccessContext context);

    /**
     * The second step of a login: a code of the account's second factor (or a recovery code, each good once) with the
     * challenge {@link #login} returned. A code is accepted once: a code of a time step a code was already accepted
     * for is refused (a replay), and a clock drift of one step (30 seconds) either way is allowed. Five wrong codes
     * within fifteen minutes (the {@code LockoutPolicy} of passwords) lock the second step for fifteen minutes, apart
     * from the password's lock. With the challenge of {@link LoginResult.EnrolmentRequired} the code confirms the
     * enrolment, and the result carries the new recovery codes.
     *
     * <p>Retry: a challenge is single-use: a retry of a completed login fails with {@code authentication_failed}; log
     * in again instead. A retry after a wrong code may use the same challenge until it expires.
     *
     * @param command the challenge and the code
     * @param context what the host knows of the caller
     * @return logged in ({@link LoginResult.LoggedIn})
     * @throws org.crmkit.core.shared.AuthenticationFailedException for an unknown, used or expired challenge, a wrong
     *                                                              or replayed code, a locked second step or a holder
     *                                                              who may not log in, alike
     */
    LoginResult.LoggedIn completeLogin(SecondFactorCommand command, AccessContext context);

    /**
     * Checks a login like {@link #login} and returns the actor, for an account that logs in with its password alone.
     * An account that needs a second step (an active second factor, or one its role requires) is refused with
     * {@code second_factor_required} once its password was found right, and nothing is handed out: a host that offers
     * second factors logs in with {@link #login}.
     *
     * <p>Retry: safe, as {@link #login}.
     *
     * @param email    the login email
     * @param password the password
     * @param context  what the host knows of the caller
     * @return the actor to hand to every further call: a staff user with their current roles, or a customer
     * @throws org.crmkit.core.shared.AuthenticationFailedException for every failure, whatever its reason
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code second_factor_required}) for a right
     *                                                               password of an account that needs a second step
     */
    Actor authenticate(String email, String password, AccessContext context);

    /**
     * Starts the enrolment of the caller's own second factor: a new secret (160 random bits), handed out once in the
     * returned {@link MfaEnrolment}; logins do not ask for it until {@link #confirmMfaEnrolment}. Starting again
     * replaces a secret not yet confirmed.
     *
     * <p>Retry: safe, but each call hands out a new secret and the earlier one can no longer be confirmed.
     *
     * @param actor   the caller (a staff user or a customer with an account)
     * @param context what the host knows of the caller
     * @return the secret and the {@code otpauth://} URI for an authenticator app
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code mfa_already_active}) when a second factor
     *                                                               is active already
     */
    MfaEnrolment startMfaEnrolment(Actor actor, AccessContext context);

    /**
     * Confirms the caller's enrolment with the first code their app shows: the second factor becomes active, and
     * every later login through crmkit asks for a code. Returns ten recovery codes, shown once (crmkit keeps their
     * hashes only); each replaces a code once, when the device is lost.
     *
     * <p>Retry: not to be repeated blindly: a retry of a stored confirmation fails with {@code mfa_already_active}.
     *
     * @param actor   the caller
     * @param command the first code
     * @param context what the host knows of the caller
     * @return the recovery codes
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code mfa_code_invalid}) for a code that does not
     *                                                               match the secret (not counted: the caller is logged
     *                                                               in); ({@code mfa_not_enrolled}) when no enrolment
     *                                                               was started; ({@code mfa_already_active})
     */
    List<String> confirmMfaEnrolment(Actor actor, MfaCodeCommand command, AccessContext context);

    /**
     * Removes the caller's own active second factor, proven with a current code or a recovery code. A wrong code
     * counts toward the second step's lock like a wrong code at login, and a locked second step refuses it.
     *
     * <p>Retry: not to be repeated blindly: a retry of a stored removal fails with {@code mfa_not_enrolled}.
     *
     * @param actor   the caller
     * @param command a current code
     * @param context what the host knows of the caller
     * @throws org.crmkit.core.shared.AuthenticationFailedException for a wrong or replayed code, or a locked second step
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code mfa_not_enrolled}) when none is active
     */
    void disableMfa(Actor actor, MfaCodeCommand command, AccessContext context);

    /**
     * An administrator removes a user's second factor (active or pending) with its recovery codes, for a user who
     * lost both their device and their codes; audited. A user whose role requires one enrols again at their next
     * login.
     *
     * <p>Retry: safe: a user without a second factor is left as they are (and nothing is audited).
     *
     * @param actor   the caller (administrators)
     * @param command whose second factor
     * @throws org.crmkit.core.shared.NotFoundException when the holder has no account
     */
    void resetMfa(Actor actor, ResetMfaCommand command);

    /**
     * The first step of a self-service sign-up: sends a single-use token to the email through the host's
     * {@code ContactVerificationNotifier}; the visitor proves they own the address by handing it to
     * {@link #signUpCustomer}. When the email already has an account or belongs to a customer, its owner gets a notice
     * instead (no token). The answer is the same either way, so a visitor learns nothing about who is registered.
     *
     * <p>Retry: safe, but each call sends one more token; earlier ones stay usable until they expire or one is used.
     *
     * @param email   the email to sign up with
     * @param context what the host knows of the caller
     * @throws org.crmkit.core.shared.InvalidCommandException for a missing context or a malformed email
     */
    void requestSignUp(String email, AccessContext context);

    /**
     * Self-service sign-up with the token {@link #requestSignUp} sent: registers a customer (as an anonymous
     * self-registration, with {@code CUSTOMER_SELF_REGISTER}) and opens their account, logged in, in one
     * transaction. A phone given here is sent a token of its own and becomes the customer's when they confirm it
     * ({@code customers().confirmContact}); until then the customer has no phone.
     *
     * <p>Retry: the token is single-use: a retry of a stored sign-up fails with {@code verification_token_invalid}
     * and creates nothing twice; the customer then logs in with {@link #authenticate}.
     *
     * @param command the token, the customer and their password
     * @param context what the host knows of the caller
     * @return the new customer's id and their actor, logged in
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code verification_token_invalid}) for a token
     *                                                               that is unknown, expired, used, or sent to
     *                                                               another email
     * @throws org.crmkit.core.shared.ConflictException              ({@code duplicate}) when the email was
     *                                                               registered since the token was sent
     */
    SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context);

    /**
     * Invites a customer who has no account (registered by staff, imported, converted from a lead) to the portal:
     * a single-use token goes to the customer's email through the host's {@code ContactVerificationNotifier}, and
     * {@link #acceptInvitation} sets their first password. A newer invitation replaces the earlier ones. Audited.
     *
     * <p>Retry: safe: a retry sends a new token and voids the earlier one.
     *
     * @param actor      staff with {@code ACCOUNT_INVITE} on the customer
     * @param customerId the customer
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code customer_has_account},
     *                                                               {@code customer_not_active},
     *                                                               {@code customer_erased}
     * @throws org.crmkit.core.shared.ConflictException              ({@code duplicate}) when a staff user logs in
     *                                                               with the customer's email
     */
    void inviteCustomer(Actor actor, CustomerId customerId);

    /**
     * Accepts a portal invitation: opens the customer's account with their email as the login and the password
     * given, logged in.
     *
     * <p>Retry: the token is single-use: a retry of a stored acceptance fails with {@code verification_token_invalid};
     * the customer then logs in with {@link #authenticate}.
     *
     * @param command the invitation token and the password
     * @param context what the host knows of the caller
     * @return the customer's id and their actor, logged in
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code verification_token_invalid}) for a token
     *                                                               that is unknown, expired, used, replaced, or
     *                                                               sent to an email the customer no longer has
     */
    SignedUpCustomer acceptInvitation(AcceptInvitationCommand command, AccessContext context);

    /**
     * Changes the caller's own password; the current one is required.
     *
     * <p>Retry: not to be repeated blindly: a retry of a stored change fails with {@code authentication_failed} (the
     * current password it names is the old one) and counts as a failed attempt toward the lockout. Check with a login
     * with the new password instead.
     *
     * @param actor   the caller (a staff user or a customer with an account)
     * @param command current and new password
     * @param context what the host knows of the caller
     */
    void changePassword(Actor actor, ChangePasswordCommand command, AccessContext context);

    /**
     * Issues a one-time reset token (valid 30 minutes, configurable) and hands it to the
     * {@code PasswordResetNotifier} after commit. Answers the same whether or not the email has an account.
     *
     * <p>Retry: safe, but each call issues one more token and hands it to the notifier; the earlier tokens stay usable
     * until they expire or a reset uses them all up.
     *
     * @param email   the login email
     * @param context what the host knows of the caller
     */
    void requestPasswordReset(String email, AccessContext context);

    /**
     * Sets a new password with a reset token: the token is used up, the lockout ends.
     *
     * <p>Retry: a token is single-use: a retry of a stored reset fails with {@code reset_token_invalid} and changes
     * nothing. Check with a login with the new password.
     *
     * @param command the token and the new password
     * @param context what the host knows of the caller
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code reset_token_invalid}) for an unknown,
     *                                                               expired or used token
     */
    void resetPassword(ResetPasswordCommand command, AccessContext context);

    /**
     * Records the caller's logout in the access log (the host ends its own session).
     *
     * <p>Retry: safe: it changes nothing but the access log, to which a retry adds a second logout entry.
     *
     * @param actor   the caller
     * @param context what the host knows of the caller
     */
    void logout(Actor actor, AccessContext context);

    /**
     * The access log, newest first: per account, per day, or both.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller (administrators)
     * @param query filters and page
     * @return one page
     */
    Page<AccessLogView> accessLog(Actor actor, AccessLogQuery query);

    /**
     * The access log's retention of personal data, a scheduled job: blanks the source address and the user agent of
     * every entry made more than the retention ({@code Crm.builder().accessLogRetention(...)}, 90 days by default)
     * before {@code asOf}, in batches of a transaction each. The entries stay, with their time, event, outcome and
     * account, so the log and the daily activity still count them. Needs {@code ACCESS_LOG_RETENTION}.
     *
     * <p>Retry: safe to run again: an entry is blanked once, and what a failed run blanked stays blanked.
     *
     * @param actor   the caller (a host's scheduled job as {@code Actor.system(...)}, or an administrator)
     * @param command the instant, not in the future
     * @return how many entries lost their address and user agent
     */
    long expireAccessContext(Actor actor, ExpireAccessContextCommand command);

    /**
     * Successful logins and distinct users per day, for a "user visits" graph.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the days and their time zone
     * @return one row per day, in order, days without logins included
     */
    List<DailyActivity> dailyActivity(Actor actor, DailyActivityQuery query);
}
