package org.crmkit.core.sales.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.MoneyTotal;

/**
 * The sales area's repository of aggregates, on the adapter's {@link PurchaseRepository} of snapshots: it hands the
 * port snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port
 * stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class PurchaseStore {
    private final PurchaseRepository port;

    /** @param port the adapter's port */
    public PurchaseStore(PurchaseRepository port) {
        this.port = port;
    }

    /** @see PurchaseRepository#add */
    public void add(Purchase purchase) {
        port.add(purchase.snapshot());
    }

    /** @see PurchaseRepository#addAll */
    public void addAll(List<Purchase> purchases) {
        port.addAll(purchases.stream().map(Purchase::snapshot).toList());
    }

    /** @see PurchaseRepository#findByReturnReference */
    public Optional<PurchaseId> findByReturnReference(String reference) {
        return port.findByReturnReference(reference);
    }

    /** @see PurchaseRepository#findReturnReferences */
    public Set<String> findReturnReferences(Collection<String> references) {
        return port.findReturnReferences(references);
    }

    /** @see PurchaseRepository#findWithProduct */
    public List<Purchase> findWithProduct(CustomerId customer, ProductId product, Instant before, int limit) {
        return port.findWithProduct(customer, product, before, limit).stream().map(Purchase::restore).toList();
    }

    /** @see PurchaseRepository#update */
    public void update(Purchase purchase) {
        port.update(purchase.snapshot());
        purchase.recordStored();
    }

    /** @see PurchaseRepository#updateAll */
    public void updateAll(List<Purchase> purchases) {
        port.updateAll(purchases.stream().map(Purchase::snapshot).toList());
        purchases.forEach(Purchase::recordStored);
    }

    /** @see PurchaseRepository#findById */
    public Optional<Purchase> findById(PurchaseId id) {
        return port.findById(id).map(Purchase::restore);
    }

    /** @see PurchaseRepository#findByReference */
    public Optional<Purchase> findByReference(String source, String externalReference) {
        return port.findByReference(source, externalReference).map(Purchase::restore);
    }

    /** @see PurchaseRepository#findByCustomer */
    public List<Purchase> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        return port.findByCustomer(customer, after, limit).stream().map(Purchase::restore).toList();
    }

    /** @see PurchaseRepository#totals */
    public List<PurchaseRepository.CurrencyTotals> totals(CustomerId customer) {
        return port.totals(customer);
    }

    /** @see PurchaseRepository#topCustomers */
    public List<PurchaseRepository.CustomerRanking> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount, int limit) {
        return port.topCustomers(from, to, currency, byAmount, limit);
    }

    /** @see PurchaseRepository#findByReferences */
    public Map<String, Purchase> findByReferences(String source, Collection<String> externalReferences) {
        Map<String, Purchase> found = new LinkedHashMap<>();
        port.findByReferences(source, externalReferences).forEach((k, v) -> found.put(k, Purchase.restore(v)));
        return found;
    }

    /** @see PurchaseRepository#findWithProducts */
    public Map<PurchaseRepository.ProductHolding, List<Purchase>> findWithProducts(
            Collection<PurchaseRepository.ProductHolding> queries, int limit) {
        Map<PurchaseRepository.ProductHolding, List<Purchase>> found = new LinkedHashMap<>();
        port.findWithProducts(queries, limit).forEach((k, v) -> found.put(k,
                v.stream().map(Purchase::restore).toList()));
        return found;
    }
}
