package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The purchase reads every caller shares: the use cases run them after checking their caller, other areas run them
 * through {@link PurchaseDirectory} after checking theirs. Each joins the current transaction.
 */
final class PurchaseReads implements PurchaseDirectory {
    /** A customer's history is read this many purchases at a time: it is small next to a catalog. */
    private static final int PAGE = 200;
    private final UseCaseSupport support;
    private final PurchaseStore purchases;

    PurchaseReads(UseCaseSupport support, PurchaseStore purchases) {
        this.support = support;
        this.purchases = purchases;
    }

    @Override
    public Optional<PurchaseView> find(PurchaseId id) {
        return support.transaction(() -> purchases.findById(id).map(PurchaseViews::of));
    }

    @Override
    public boolean bought(CustomerId customer, ProductId product) {
        return support.transaction(() -> {
            EntryPosition after = null;
            while (true) {
                List<Purchase> page = purchases.findByCustomer(customer, after, PAGE);
                if (page.stream().flatMap(p -> p.snapshot().lines().stream()).anyMatch(l -> l.product().equals(product))) {
                    return true;
                }
                if (page.size() < PAGE) {
                    return false;
                }
                Purchase last = page.get(page.size() - 1);
                after = new EntryPosition(last.snapshot().occurredAt(), last.id().value());
            }
        });
    }

    @Override
    public List<TopCustomer> topCustomers(Instant from, Instant to, Currency currency, boolean byAmount, int limit) {
        return support.transaction(() -> {
            List<TopCustomer> top = new ArrayList<>();
            for (PurchaseRepository.CustomerRanking r : purchases.topCustomers(from, to, currency, byAmount, limit)) {
                top.add(new TopCustomer(top.size() + 1, r.customer(), r.count(), r.amount()));
            }
            return top;
        });
    }
}
