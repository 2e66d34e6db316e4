package org.crmkit.core.staff;

/** How an access event ended; the reason a failure had, which the caller is never told. */
public enum AccessOutcome {
    /** It worked. */
    SUCCESS,
    /** No account has that login. */
    UNKNOWN_ACCOUNT,
    /** The password was wrong (or none was set yet). */
    BAD_CREDENTIALS,
    /** The account was locked after too many failures. */
    LOCKED,
    /** The account's holder is deactivated. */
    INACTIVE,
    /** A reset token was unknown, expired or already used. */
    INVALID_TOKEN
}
