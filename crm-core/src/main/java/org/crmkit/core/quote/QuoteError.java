package org.crmkit.core.quote;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the quote area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum QuoteError implements ErrorCode {
    /** The quote is accepted, rejected or expired and takes no further change. */
    QUOTE_CLOSED,
    /**
     * The quote's validity has ended ({@code details()} gives validUntil), so it can no longer be accepted; ask for a new
     * quote.
     */
    QUOTE_EXPIRED,
    /** The quote has not been answered yet, so it cannot be accepted or rejected. */
    QUOTE_NOT_ANSWERED,
    /**
     * The purchase for the accepted quote cannot be recorded because its reference is already held by another record;
     * nothing was written.
     */
    QUOTE_PURCHASE_REFERENCE_TAKEN
}
