package org.crmkit.core.staff.port.in;

import java.util.List;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;

/**
 * Authentication and the access log ({@code crm.accounts()}). Logins, logouts, password changes and resets are
 * written to the access log with the {@link AccessContext} the host passes; none of them tells a caller which part of
 * a failed login was wrong.
 */
public interface Accounts {

    /**
     * Checks a login. Five failures within fifteen minutes (configurable) lock the account for fifteen minutes; the
     * lock is stored. A password stored with older parameters is re-hashed with the current ones.
     *
     * <p>Retry: safe: a retry is another login, logged again in the access log (a failed one also counts again toward
     * the lockout).
     *
     * @param email    the login email
     * @param password the password
     * @param context  what the host knows of the caller
     * @return the actor to hand to every further call: a staff user with their current roles, or a customer
     * @throws org.crmkit.core.shared.AuthenticationFailedException for every failure, whatever its reason
     */
    Actor authenticate(String email, String password, AccessContext context);

    /**
     * Self-service sign-up: registers a customer (as an anonymous self-registration) and opens their account, in one
     * transaction.
     *
     * <p>Retry: a retry of a stored sign-up creates nothing twice: it is refused as {@code duplicate} on {@code email},
     * without saying by whom; the customer then logs in with {@link #authenticate}.
     *
     * @param command the customer and their password
     * @param context what the host knows of the caller
     * @return the new customer's id and their actor, logged in
     */
    SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context);

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
