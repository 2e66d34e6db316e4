package org.crmkit.core.sales.port.in;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.MoneyTotal;

/**
 * One customer of a purchase ranking.
 *
 * @param rank       1 for the best
 * @param customerId the customer
 * @param purchases  purchases in the period
 * @param amount     spent in the period net of returns, or {@code null} when no currency was asked for; a sum,
 *                   exact past the largest amount one purchase holds
 */
public record TopCustomer(int rank, CustomerId customerId, long purchases, MoneyTotal amount) {
}
