package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.SalesPermission;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.TopCustomer;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The purchase queries of the sales use cases, each checking its caller: one purchase, a customer's history and
 * totals (access follows the customer), and the top customers (a report on every customer).
 */
final class PurchaseQueries {
    private final UseCaseSupport support;
    private final PurchaseStore purchases;
    private final PurchaseReads reads;
    private final PurchaseAccess access;

    PurchaseQueries(UseCaseSupport support, PurchaseStore purchases, PurchaseReads reads,
                    PurchaseAccess access) {
        this.support = support;
        this.purchases = purchases;
        this.reads = reads;
        this.access = access;
    }

    Optional<PurchaseView> findById(Actor actor, PurchaseId purchaseId) {
        support.validate(actor, new Arguments.PurchaseIdQuery(purchaseId));
        return support.transaction(() -> {
            Optional<Purchase> found = purchases.findById(purchaseId);
            support.authorize(actor, SalesPermission.SALES_VIEW,
                    access.targetOf(found.map(p -> p.snapshot().customer()).orElse(null)), "purchase.view",
                    SalesService.TYPE, purchaseId.value());
            return found.map(PurchaseViews::of);
        });
    }

    Page<PurchaseView> history(Actor actor, PurchaseHistoryQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("purchase.history", query.customerId());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, SalesPermission.SALES_VIEW, access.targetOf(query.customerId()),
                    "purchase.history", SalesService.TYPE, null);
            return Page.slice(purchases.findByCustomer(query.customerId(), after, size + 1), size, PurchaseViews::of,
                    p -> new EntryPosition(p.snapshot().occurredAt(), p.id().value()).toCursor(scope));
        });
    }

    PurchaseTotals totals(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        // figures, not records: read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(
                () -> support.authorize(actor, SalesPermission.SALES_VIEW, access.targetOf(customerId),
                        "purchase.totals", SalesService.TYPE, null),
                granted -> new PurchaseTotals(customerId, purchases.totals(customerId).stream()
                        .map(t -> new PurchaseTotals.InCurrency(t.currency(), t.count(), t.amount(), t.first(),
                                t.last()))
                        .toList()));
    }

    List<TopCustomer> topCustomers(Actor actor, TopCustomersQuery query) {
        support.validate(actor, query);
        Currency currency = query.currency() == null ? null
                : UseCaseSupport.commandField(() -> Money.currency("currency", query.currency()));
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        // a report: read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(
                () -> support.authorize(actor, SalesPermission.SALES_REPORT, AccessTarget.none(),
                        "purchase.top_customers", SalesService.TYPE, null),
                granted -> reads.topCustomers(from, to, currency, query.byAmount(), query.limit()));
    }
}
