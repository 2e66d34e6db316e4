package org.crmkit.core.shared;

/**
 * A login or password check failed. Code {@code authentication_failed}. Deliberately says nothing about which part
 * was wrong (unknown account, wrong password, locked or deactivated account): the access log holds the reason.
 */
public final class AuthenticationFailedException extends CrmException {
    private static final long serialVersionUID = 1L;

    /** Creates the one message every failed login gets. */
    public AuthenticationFailedException() {
        super(CrmError.AUTHENTICATION_FAILED, "the email or password is wrong, or the account may not log in now");
    }
}
