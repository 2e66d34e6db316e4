package org.crmkit.core.sales.port.in;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.MoneyTotal;

/**
 * A customer's purchases summed up, per currency (a customer may buy in several).
 *
 * @param customerId the customer
 * @param currencies one entry per currency, by currency code
 */
public record PurchaseTotals(CustomerId customerId, List<InCurrency> currencies) {
    /** Copies the list. */
    public PurchaseTotals {
        currencies = List.copyOf(currencies);
    }

    /**
     * @param currency the currency
     * @param count    how many purchases
     * @param amount   their total as bought: a sum over every purchase, so it may pass the largest amount one
     *                 purchase holds (below 10^15) and is still exact
     * @param first    the first purchase's time
     * @param last     the last purchase's time
     */
    public record InCurrency(Currency currency, long count, MoneyTotal amount, Instant first, Instant last) {
    }
}
