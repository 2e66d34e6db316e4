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
    PASSWORD_RESET
}
