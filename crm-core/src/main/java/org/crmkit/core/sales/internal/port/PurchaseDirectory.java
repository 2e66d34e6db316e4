package org.crmkit.core.sales.internal.port;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;

/**
 * How other areas read purchases: inside their own use case's transaction, after that use case has checked its own
 * caller, so without an actor, without the host's {@code AccessPolicy} and without an audit entry. Never a host's.
 */
public interface PurchaseDirectory {

    /** @param id a purchase's id @return the purchase */
    Optional<PurchaseView> find(PurchaseId id);

    /**
     * @param customer a customer
     * @param product  a product
     * @return whether any purchase of the customer holds the product
     */
    boolean bought(CustomerId customer, ProductId product);

    /**
     * @param from     start of the period, inclusive (a storable instant)
     * @param to       end of the period, exclusive
     * @param currency only purchases in this currency, or {@code null} for all (counted, not summed)
     * @param byAmount rank by net amount instead of purchase count
     * @param limit    most customers
     * @return the customers ranked, rank 1 first
     */
    List<TopCustomer> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount, int limit);
}
