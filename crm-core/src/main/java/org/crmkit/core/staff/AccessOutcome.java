package org.crmkit.core.staff;

/** How an access event ended; the reason a failure had, which the caller is never told. */
public enum AccessOutcome {
    /** It worked. */
    SUCCESS,
    /** No account has that login. */
    UNKNOWN_ACCOUNT,
    /** The password (or the second factor's code) was wrong, or no password was set yet. */
    BAD_CREDENTIALS,
    /** The account was locked after too many failures. */
    LOCKED,
    /** The account's holder is deactivated. */
    INACTIVE,
    /** A reset token or login challenge was unknown, expired or already used. */
    INVALID_TOKEN,
    /** The password was right; the login waits for a code of the account's second factor. */
    SECOND_FACTOR_REQUIRED,
    /** The password was right; the login waits for the enrolment of a second factor that the holder's role needs. */
    ENROLMENT_REQUIRED,
    /** The code was right but of a time step a code was already accepted for (a replay); counted as a failure. */
    REPLAYED_CODE
}
