package org.crmkit.core.customer;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the customer area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum CustomerError implements ErrorCode {
    /**
     * The customer was erased and takes no further change; also raised by sales, loyalty, lead, interaction, task,
     * quote, ticket and feedback when a use case acts on an erased customer.
     */
    CUSTOMER_ERASED,
    /** Only an active customer can be deactivated. */
    CUSTOMER_NOT_ACTIVE,
    /** Only an inactive customer can be reactivated. */
    CUSTOMER_NOT_INACTIVE,
    /** The customer already has the maximum of 50 tags; remove one before adding another. */
    CUSTOMER_TOO_MANY_TAGS,
    /**
     * A contact verification token (a sign-up's, an invitation's, or a change of email or phone) is unknown, expired,
     * already used, replaced by a newer one, or of another purpose; ask for a new one.
     */
    VERIFICATION_TOKEN_INVALID
}
