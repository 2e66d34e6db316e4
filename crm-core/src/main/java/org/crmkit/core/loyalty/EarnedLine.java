package org.crmkit.core.loyalty;

import org.crmkit.core.product.ProductId;

/**
 * What one purchase line earned, and why.
 *
 * @param lineNumber  the purchase line
 * @param product     its product
 * @param quantity    how many were bought
 * @param points      the points it earned, 0 to {@link LoyaltyProgram#MAX_LINE_POINTS}
 * @param explanation the rules that produced them, in the order they were applied
 */
public record EarnedLine(int lineNumber, ProductId product, int quantity, long points, String explanation) {
    /** Checks the points: what a purchase earns is the sum of its lines, which must not overflow. */
    public EarnedLine {
        if (points < 0 || points > LoyaltyProgram.MAX_LINE_POINTS) {
            throw new IllegalArgumentException("a line earns 0 to " + LoyaltyProgram.MAX_LINE_POINTS + " points, not "
                    + points);
        }
    }
}
