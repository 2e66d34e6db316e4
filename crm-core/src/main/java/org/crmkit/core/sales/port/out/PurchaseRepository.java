package org.crmkit.core.sales.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseSnapshot;

/**
 * Stores purchases with their lines and returns. The external reference is unique per source
 * ({@code duplicate} on field {@code externalReference}); {@link #update} (a return) is optimistic.
 */
public interface PurchaseRepository {

    /** @param purchase a new purchase */
    void add(PurchaseSnapshot purchase);

    /**
     * Adds new purchases together (an adapter sends them in batches); the same as {@link #add} one by one.
     *
     * @param purchases new purchases
     */
    default void addAll(List<PurchaseSnapshot> purchases) {
        purchases.forEach(this::add);
    }

    /**
     * @param source             the system of the references
     * @param externalReferences order references
     * @return the purchases recorded under them, by reference
     */
    default Map<String, PurchaseSnapshot> findByReferences(String source, Collection<String> externalReferences) {
        Map<String, PurchaseSnapshot> found = new HashMap<>();
        for (String reference : externalReferences) {
            findByReference(source, reference).ifPresent(p -> found.put(reference, p));
        }
        return found;
    }

    /**
     * @param reference a return's reference
     * @return the purchase that holds the return recorded under it
     */
    Optional<PurchaseId> findByReturnReference(String reference);

    /**
     * @param references returns' references
     * @return those of them under which a return is recorded (matched exactly, as {@link #findByReturnReference})
     */
    default Set<String> findReturnReferences(Collection<String> references) {
        Set<String> found = new HashSet<>();
        for (String reference : references) {
            findByReturnReference(reference).ifPresent(p -> found.add(reference));
        }
        return found;
    }

    /**
     * @param customer a customer
     * @param product  a product
     * @param before   the latest purchase time, inclusive
     * @param limit    most purchases
     * @return the customer's purchases of the product made at or before then, newest first (by time, then id)
     */
    List<PurchaseSnapshot> findWithProduct(CustomerId customer, ProductId product, Instant before, int limit);

    /**
     * Several {@link #findWithProduct} queries at once (an adapter reads them together).
     *
     * @param queries which customer's purchases of which product, made at or before when
     * @param limit   most purchases per query
     * @return for each query, what {@link #findWithProduct} returns for it
     */
    default Map<ProductHolding, List<PurchaseSnapshot>> findWithProducts(Collection<ProductHolding> queries, int limit) {
        Map<ProductHolding, List<PurchaseSnapshot>> found = new HashMap<>();
        for (ProductHolding query : queries) {
            found.computeIfAbsent(query, q -> findWithProduct(q.customer(), q.product(), q.before(), limit));
        }
        return found;
    }

    /** @param purchase a purchase with a new return, stored only at the version it was loaded at */
    void update(PurchaseSnapshot purchase);

    /**
     * Stores several purchases with new returns, as {@link #update} does each: all of them or, on a conflict, none
     * (in the caller's transaction, which the conflict rolls back).
     *
     * @param purchases different purchases, each stored only at the version it was loaded at
     */
    default void updateAll(List<PurchaseSnapshot> purchases) {
        purchases.forEach(this::update);
    }

    /** @param id the purchase @return it, if stored */
    Optional<PurchaseSnapshot> findById(PurchaseId id);

    /**
     * @param source            the system of the reference
     * @param externalReference the order reference
     * @return the purchase recorded under it, if any
     */
    Optional<PurchaseSnapshot> findByReference(String source, String externalReference);

    /**
     * @param customer a customer
     * @param after    resume strictly after this purchase (its time and id), or {@code null}
     * @param limit    the most purchases to return
     * @return the customer's purchases, newest first (by time, then id)
     */
    List<PurchaseSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit);

    /**
     * @param customer a customer
     * @return per currency: how many purchases, their total as bought, the first and the last purchase time
     */
    List<CurrencyTotals> totals(CustomerId customer);

    /**
     * Customers by purchases in a period; anonymous sales do not count.
     *
     * @param from     first instant, inclusive
     * @param to       end, exclusive
     * @param currency only purchases in this currency, or {@code null} for every currency (then by count only)
     * @param byAmount whether to rank by amount net of returns (needs a currency) rather than by count
     * @param limit    most customers
     * @return the customers, best first, then by id
     */
    List<CustomerRanking> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount, int limit);

    /**
     * One query of {@link #findWithProducts}: a customer's purchases of a product made at or before a time.
     *
     * @param customer the customer
     * @param product  the product
     * @param before   the latest purchase time, inclusive
     */
    record ProductHolding(CustomerId customer, ProductId product, Instant before) {
        /** Checks the parts are present. */
        public ProductHolding {
            java.util.Objects.requireNonNull(customer, "customer");
            java.util.Objects.requireNonNull(product, "product");
            java.util.Objects.requireNonNull(before, "before");
        }
    }

    /**
     * One customer of a ranking.
     *
     * @param customer the customer
     * @param count    purchases in the period
     * @param amount   their amount net of returns, or {@code null} when no currency was given; a sum, read exactly
     *                 past the largest amount one purchase may hold
     */
    record CustomerRanking(CustomerId customer, long count, MoneyTotal amount) {
    }

    /**
     * A customer's purchases in one currency.
     *
     * @param currency the currency
     * @param count    how many purchases
     * @param amount   their total as bought; a sum, read exactly past the largest amount one purchase may hold
     * @param first    the first purchase's time
     * @param last     the last purchase's time
     */
    record CurrencyTotals(Currency currency, long count, MoneyTotal amount, Instant first, Instant last) {
    }
}
