package org.crmkit.core.loyalty;

import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ErrorCode;

/**
 * The error codes of the loyalty area's rules ({@link BusinessRuleViolationException} and the conflicts that are
 * the area's own), with what each means; docs/errors.md lists them with the HTTP status a web host would map them to.
 * A host compares with {@link org.crmkit.core.shared.CrmException#is(ErrorCode)}.
 */
public enum LoyaltyError implements ErrorCode {
    /**
     * The account does not hold enough points for the redemption or adjustment; {@code details()} gives the balance and the
     * points requested.
     */
    INSUFFICIENT_POINTS,
    /**
     * The posting would take the balance or a lifetime total past the limit of 10^18 points; {@code details()} names the
     * figure.
     */
    POINTS_LIMIT
}
