package org.crmkit.core.staff;

/** What an access log entry records. */
public enum AccessEvent {
    /** A login attempt. */
    LOGIN,
    /** A logout. */
    LOGOUT,
    /** A password change by the holder (the current password given). */
    PASSWORD_CHANGE,
    /** A request for a reset token. */
    PASSWORD_RESET_REQUEST,
    /** A password reset by token. */
    PASSWORD_RESET,
    /**
     * A code given for a login's second step that was refused (a completed login is logged as {@link #LOGIN}
     * {@code SUCCESS}).
     */
    SECOND_FACTOR,
    /** A second factor confirmed by its holder's first code. */
    MFA_ENROLMENT,
    /** A second factor removed by its holder (an administrator's reset is in the audit trail). */
    MFA_DISABLE
}
