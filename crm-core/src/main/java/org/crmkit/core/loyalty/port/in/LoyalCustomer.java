package org.crmkit.core.loyalty.port.in;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.MoneyTotal;

/**
 * One customer of a loyalty ranking.
 *
 * @param rank          1 for the best
 * @param customerId    the customer
 * @param pointsEarned  points earned in the period (ranking by points; otherwise 0)
 * @param purchaseCount purchases in the period (rankings by purchases; otherwise 0)
 * @param amount        spent in the period net of returns (rankings by purchases with a currency; otherwise
 *                      {@code null}); a sum, exact past the largest amount one purchase holds
 */
public record LoyalCustomer(int rank, CustomerId customerId, long pointsEarned, long purchaseCount,
                            MoneyTotal amount) {
}
