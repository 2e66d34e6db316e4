package org.crmkit.core.lead;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the lead area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum LeadError implements ErrorCode {
    /** The lead is won or lost and takes no stage change; a sales manager may reopen it. */
    LEAD_CLOSED,
    /**
     * The lead was converted into a customer, so act on that customer instead ({@code details()} gives customerId); also
     * raised by task and interaction when they name a converted lead.
     */
    LEAD_CONVERTED,
    /** The lead has no email address, which a customer needs; add one before converting it. */
    LEAD_EMAIL_MISSING,
    /** The lead was erased and takes no further change. */
    LEAD_ERASED,
    /** The lead's email or phone belongs to a customer the caller may not see; a sales manager can convert it. */
    LEAD_MATCHES_OTHER_CUSTOMER,
    /** Only a won or lost lead can be reopened. */
    LEAD_NOT_CLOSED,
    /** Only a qualified lead can be converted into a customer. */
    LEAD_NOT_QUALIFIED,
    /** A lead is won only by converting it into a customer, not by a stage change. */
    LEAD_WON_BY_CONVERSION,
    /** Round-robin assignment found no active sales rep in the department; name an owner or add a sales rep. */
    NO_SALES_REP,
    /** The owner named is not an active staff user who may work on leads. */
    OWNER_NOT_SALES
}
