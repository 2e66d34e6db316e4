package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.UuidV7;

/** Purchases in memory with their lines and returns, unique by source and reference, versioned. */
public final class InMemoryPurchaseRepository implements PurchaseRepository {
    private static final Comparator<PurchaseSnapshot> NEWEST_FIRST = Comparator
            .comparing(PurchaseSnapshot::occurredAt)
            .thenComparing(p -> p.id().value(), UuidV7::compareBytes).reversed();

    private final InMemoryTable<PurchaseId, PurchaseSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryPurchaseRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<PurchaseId, PurchaseSnapshot>(unitOfWork, "purchase", PurchaseSnapshot::id,
                PurchaseSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("externalReference", s -> List.of(s.source(), s.externalReference()))
                .uniqueEach("returnReference", s -> s.returns().stream().map(r -> r.reference())
                        .filter(java.util.Objects::nonNull).toList());
    }

    @Override
    public void add(PurchaseSnapshot purchase) {
        table.insert(purchase);
    }

    @Override
    public void update(PurchaseSnapshot purchase) {
        table.update(purchase);
    }

    @Override
    public Optional<PurchaseSnapshot> findById(PurchaseId id) {
        return table.get(id);
    }

    @Override
    public Optional<PurchaseSnapshot> findByReference(String source, String externalReference) {
        return table.where(p -> p.source().equals(source) && p.externalReference().equals(externalReference))
                .stream().findFirst();
    }

    @Override
    public List<PurchaseSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        return table.where(p -> customer.equals(p.customer())
                        && EntryPosition.isAfter(after, p.occurredAt(), p.id().value())).stream()
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public List<CurrencyTotals> totals(CustomerId customer) {
        Map<String, List<PurchaseSnapshot>> byCurrency = new TreeMap<>();
        table.where(p -> customer.equals(p.customer())).forEach(p -> byCurrency
                .computeIfAbsent(p.currency().getCurrencyCode(), c -> new ArrayList<>()).add(p));
        List<CurrencyTotals> totals = new ArrayList<>();
        byCurrency.forEach((code, list) -> {
            Currency currency = Currency.getInstance(code);
            MoneyTotal amount = MoneyTotal.zero(currency);
            for (PurchaseSnapshot purchase : list) {
                amount = amount.plus(Purchase.restore(purchase).total()); // the domain's rule for returns
            }
            Instant first = list.stream().map(PurchaseSnapshot::occurredAt).min(Comparator.naturalOrder())
                    .orElseThrow();
            Instant last = list.stream().map(PurchaseSnapshot::occurredAt).max(Comparator.naturalOrder())
                    .orElseThrow();
            totals.add(new CurrencyTotals(currency, list.size(), amount, first, last));
        });
        return totals;
    }

    @Override
    public List<CustomerRanking> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount,
                                              int limit) {
        Map<CustomerId, List<PurchaseSnapshot>> byCustomer = new HashMap<>();
        table.where(p -> p.customer() != null && !p.occurredAt().isBefore(from) && p.occurredAt().isBefore(to)
                        && (currency == null || p.currency().equals(currency)))
                .forEach(p -> byCustomer.computeIfAbsent(p.customer(), c -> new ArrayList<>()).add(p));
        List<CustomerRanking> ranking = new ArrayList<>();
        byCustomer.forEach((customer, list) -> ranking.add(new CustomerRanking(customer, list.size(),
                currency == null ? null : netOfReturns(list, currency))));
        Comparator<CustomerRanking> best = byAmount
                ? Comparator.comparing((CustomerRanking r) -> r.amount().amount()).reversed()
                : Comparator.comparingLong(CustomerRanking::count).reversed();
        ranking.sort(best.thenComparing(r -> r.customer().value(), UuidV7::compareBytes));
        return ranking.stream().limit(limit).toList();
    }

    private static MoneyTotal netOfReturns(List<PurchaseSnapshot> purchases, Currency currency) {
        MoneyTotal amount = MoneyTotal.zero(currency);
        for (PurchaseSnapshot purchase : purchases) {
            for (var line : purchase.lines()) {
                amount = amount.plus(line.unitPrice().times(line.quantity() - line.returned()));
            }
        }
        return amount;
    }

    @Override
    public Optional<PurchaseId> findByReturnReference(String reference) {
        return table.where(p -> p.returns().stream().anyMatch(r -> reference.equals(r.reference()))).stream()
                .findFirst().map(PurchaseSnapshot::id);
    }

    @Override
    public List<PurchaseSnapshot> findWithProduct(CustomerId customer, ProductId product, Instant before, int limit) {
        return table.where(p -> customer.equals(p.customer()) && !p.occurredAt().isAfter(before)
                        && p.lines().stream().anyMatch(l -> l.product().equals(product))).stream()
                .sorted(NEWEST_FIRST).limit(limit).toList();
    }
}
