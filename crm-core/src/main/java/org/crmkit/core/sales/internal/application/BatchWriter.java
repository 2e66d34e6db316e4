package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Stores an import's prepared orders in the current transaction. The purchases go in together, then the
 * cancellations become returns against purchases held in memory (each changed purchase stored once), then the audit
 * entries go in together and the participants (loyalty) act on the batch's purchases and returns together, in the
 * file's order. A cancellation takes back only from a purchase stored before it: by an earlier batch or import, or
 * earlier in the file within this batch. So the outcome is the one of storing the orders one by one, whatever the
 * batch size.
 */
final class BatchWriter {
    private final UseCaseSupport support;
    private final PurchaseStore purchases;
    private final SalesService sales;
    private final PurchaseReturns returns;
    private final ImportRun run;

    BatchWriter(UseCaseSupport support, PurchaseStore purchases, SalesService sales, PurchaseReturns returns,
                ImportRun run) {
        this.support = support;
        this.purchases = purchases;
        this.sales = sales;
        this.returns = returns;
        this.run = run;
    }

    /** The batch's new purchases, in the file's order, and where in the batch each comes. */
    private record Fresh(List<Purchase> purchases, Map<PurchaseId, Integer> positions) {
    }

    /** Stores the orders; counts into the tally, which is applied only on commit. */
    void storeAll(List<PreparedOrder> prepared, BatchTally tally) {
        // what each order stored, by its place in the batch
        StoredOrder[] storedAt = new StoredOrder[prepared.size()];
        Fresh fresh = addPurchases(prepared, tally, storedAt);
        BatchReturns cancelled = BatchReturns.read(purchases, returns, run, prepared, fresh.purchases(),
                fresh.positions());
        for (int at = 0; at < prepared.size(); at++) {
            if (prepared.get(at).cancellation()) {
                storedAt[at] = cancelled.cancel(prepared.get(at), at, tally);
            }
        }
        // in id order, as every bulk path locks rows, so that two imports at once do not deadlock on them
        purchases.updateAll(cancelled.changedInIdOrder());
        announce(storedAt);
    }

    /**
     * Adds the purchases of the batch's orders that were not imported before; an order imported before with the
     * same lines counts as already imported, one imported with other lines is rejected.
     */
    private Fresh addPurchases(List<PreparedOrder> prepared, BatchTally tally, StoredOrder[] storedAt) {
        Map<String, Purchase> earlier = purchases.findByReferences(run.source(), prepared.stream()
                .filter(p -> !p.cancellation()).map(PreparedOrder::reference).toList());
        List<Purchase> fresh = new ArrayList<>();
        Map<PurchaseId, Integer> freshAt = new HashMap<>();
        for (int at = 0; at < prepared.size(); at++) {
            PreparedOrder p = prepared.get(at);
            Purchase candidate = p.cancellation() ? null : purchase(p, tally);
            if (candidate != null && isNew(p, candidate, earlier.get(p.reference()), tally)) {
                fresh.add(candidate);
                freshAt.put(candidate.id(), at);
                storedAt[at] = new StoredOrder().record(SalesService.recorded(candidate), "purchase.record",
                        candidate.id(), candidate.pullEvents());
            }
        }
        purchases.addAll(fresh);
        for (Purchase purchase : fresh) {
            tally.imported += prepared.get(freshAt.get(purchase.id())).lines().size();
            tally.purchases++;
        }
        return new Fresh(fresh, freshAt);
    }

    /** @return whether the order is to be stored: counted as already imported or rejected when it was imported */
    private static boolean isNew(PreparedOrder p, Purchase candidate, Purchase before, BatchTally tally) {
        if (before == null) {
            return true;
        }
        if (before.sameAs(candidate)) {
            tally.already += p.lines().size();
        } else {
            p.lines().forEach(l -> tally.reject(l.sourceLine(), "orderReference",
                    "was imported before with other lines"));
        }
        return false;
    }

    /** @return the order's purchase, or {@code null} when the purchase refuses it (its lines rejected) */
    private Purchase purchase(PreparedOrder p, BatchTally tally) {
        List<PurchaseLine> lines = new ArrayList<>();
        for (SaleLine line : p.lines()) {
            lines.add(new PurchaseLine(line.lineNumber(), p.productOf(line).id(), line.quantity(),
                    run.unitPrice(line), 0));
        }
        try {
            return Purchase.record(PurchaseId.next(support.clock()), p.customer(),
                    SalesService.storable(p.lines().get(0).occurredAt()), run.options().channel(), run.source(),
                    p.reference(), run.currency(), lines, support.now());
        } catch (InvalidValueException e) {
            p.lines().forEach(l -> tally.reject(l.sourceLine(), ImportReport.lineField(e.field()), e.reason()));
            return null;
        }
    }

    /** Audits, publishes and tells the participants what the orders stored, in the file's order, as order by order. */
    private void announce(StoredOrder[] storedAt) {
        List<AuditEntry> audits = new ArrayList<>();
        List<PurchaseParticipant.Posting> postings = new ArrayList<>();
        for (StoredOrder stored : storedAt) {
            if (stored != null) {
                stored.audited().forEach(target -> audits.add(support.auditEntry(run.actor(), stored.action(),
                        SalesService.TYPE, target.value())));
                support.publishAfterCommit(stored.events());
                postings.addAll(stored.postings());
            }
        }
        support.audit(audits);
        sales.participate(postings);
    }
}
