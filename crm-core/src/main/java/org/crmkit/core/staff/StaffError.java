package org.crmkit.core.staff;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the staff area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum StaffError implements ErrorCode {
    /**
     * The installation was bootstrapped already or an administrator exists, so further staff are created by an
     * administrator.
     */
    ADMIN_EXISTS,
    /** The customer already has a portal account, so there is nothing to invite them to; they can reset a password. */
    CUSTOMER_HAS_ACCOUNT,
    /** The department still has active members; move or deactivate them before deactivating it. */
    DEPARTMENT_HAS_MEMBERS,
    /** The department is inactive, so it cannot be changed or take new members. */
    DEPARTMENT_INACTIVE,
    /**
     * The last active administrator can neither be deactivated nor lose the ADMIN role; make someone else an
     * administrator first.
     */
    LAST_ADMIN,
    /**
     * A second factor is active already: disable it (with a current code) or have an administrator reset it before
     * enrolling another.
     */
    MFA_ALREADY_ACTIVE,
    /**
     * The code does not match the secret being enrolled: check the device's clock and the secret entered, and send
     * the next code the app shows.
     */
    MFA_CODE_INVALID,
    /** The account has no second factor in the state the call needs: no enrolment to confirm, none active to disable. */
    MFA_NOT_ENROLLED,
    /**
     * The password reset token is unknown, already used or expired, or its account may not log in; ask for a new
     * reset.
     */
    RESET_TOKEN_INVALID,
    /**
     * The password was right, but the account signs in with a second factor (or must enrol one first), which
     * {@code authenticate} cannot ask for: log in with {@code accounts().login(...)} instead.
     */
    SECOND_FACTOR_REQUIRED,
    /** The staff user is already active, so there is nothing to reactivate. */
    STAFF_ACTIVE
}
