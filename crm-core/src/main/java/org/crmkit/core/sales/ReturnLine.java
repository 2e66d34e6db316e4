package org.crmkit.core.sales;

import java.util.Objects;
import org.crmkit.core.shared.Money;

/**
 * One line of a return: which purchase line, how many, and the refund for them.
 *
 * @param lineNumber the purchase line
 * @param quantity   how many were returned, 1 or more
 * @param refund     quantity times the line's unit price
 */
public record ReturnLine(int lineNumber, int quantity, Money refund) {
    /** Checks the line. */
    public ReturnLine {
        Objects.requireNonNull(refund, "refund");
        if (lineNumber < 1) {
            throw new org.crmkit.core.shared.InvalidValueException("lines.lineNumber", "must be 1 or more");
        }
        if (quantity < 1) {
            throw new org.crmkit.core.shared.InvalidValueException("lines.quantity", "must be 1 or more");
        }
        if (refund.isNegative()) {
            throw new org.crmkit.core.shared.InvalidValueException("lines.refund", "must not be negative");
        }
    }
}
