package org.crmkit.core.sales;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the sales area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum SalesError implements ErrorCode {
    /**
     * The sales import runs its own transaction per batch, so call it outside any transaction and on an adapter that
     * manages transactions itself.
     */
    IMPORT_NEEDS_OWN_TRANSACTIONS,
    /** A return line takes back more than is still returnable on that purchase line. */
    RETURN_EXCEEDS_PURCHASE
}
