package org.crmkit.core.loyalty.domain;

import org.crmkit.core.shared.ProductId;

/**
 * What one purchase line earned, and why.
 *
 * @param lineNumber  the purchase line
 * @param product     its product
 * @param quantity    how many were bought
 * @param points      the points it earned (0 or more)
 * @param explanation the rules that produced them, in the order they were applied
 */
public record EarnedLine(int lineNumber, ProductId product, int quantity, long points, String explanation) {
}
