package org.crmkit.core.sales.internal.application;

import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.sales.internal.store.PurchaseStore;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.UuidV7;

/**
 * A batch's cancellations matched to the purchases they take back from. Each cancelled line takes back from the
 * customer's latest earlier purchase of the same source that still holds enough, preferring one at the cancelled
 * price, and that was stored before the cancellation: by an earlier batch or import, or earlier in the file within
 * this batch (not one that comes after it). Keeps the return references already used, the candidates read for the
 * batch, the purchases its returns changed, and where in the batch its new purchases come.
 */
final class BatchReturns {
    /** Most of a customer's latest purchases of a product that a cancelled line looks through. */
    private static final int CANDIDATES = 50;

    private final PurchaseReturns returns;
    private final ImportRun run;
    private final Set<String> references;
    private final Map<PurchaseRepository.ProductHolding, List<Purchase>> candidates;
    private final Map<PurchaseId, Integer> freshAt;
    private final Map<PurchaseId, Purchase> changed = new LinkedHashMap<>();

    private BatchReturns(PurchaseReturns returns, ImportRun run, Set<String> storedBefore,
                         Map<PurchaseRepository.ProductHolding, List<Purchase>> candidates,
                         Map<PurchaseId, Integer> freshAt) {
        this.returns = returns;
        this.run = run;
        this.references = new HashSet<>(storedBefore);
        this.candidates = candidates;
        this.freshAt = freshAt;
    }

    /**
     * Reads what the batch's cancellations need, in the current transaction: the return references already used
     * and the purchases each cancelled line may take back from.
     *
     * @param prepared the batch's orders
     * @param fresh    the batch's new purchases, already added
     * @param freshAt  where in the batch each new purchase comes
     */
    static BatchReturns read(PurchaseStore purchases, PurchaseReturns returns, ImportRun run,
                             List<PreparedOrder> prepared, List<Purchase> fresh, Map<PurchaseId, Integer> freshAt) {
        List<PreparedOrder> cancellations = prepared.stream().filter(PreparedOrder::cancellation).toList();
        // the candidates a cancellation looks through include this batch's new purchases, those after it in the
        // file too; these are left out afterwards, so the query reads as many more as one customer's new
        // purchases of one product could crowd out
        int crowd = crowd(fresh);
        Set<String> used = purchases.findReturnReferences(cancellations.stream()
                .flatMap(p -> p.lines().stream().map(line -> returnReference(run.source(), p, line))).toList());
        Map<PurchaseRepository.ProductHolding, List<Purchase>> candidates = purchases.findWithProducts(
                cancellations.stream().flatMap(p -> p.lines().stream().map(line -> holding(p, line))).toList(),
                CANDIDATES + crowd);
        return new BatchReturns(returns, run, used, candidates, freshAt);
    }

    /** @return the most new purchases one customer made of one product in the batch */
    private static int crowd(List<Purchase> fresh) {
        Map<List<Object>, Integer> freshHolding = new HashMap<>();
        fresh.stream().filter(purchase -> purchase.snapshot().customer() != null).forEach(purchase -> purchase
                .snapshot().lines().stream().map(PurchaseLine::product).distinct().forEach(product -> freshHolding
                        .merge(List.of(purchase.snapshot().customer(), product), 1, Integer::sum)));
        return freshHolding.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /**
     * Makes a cancellation's lines returns, each against the purchase it takes back from, as this batch changed it.
     * A line whose return reference was used before counts as already imported; one that finds no purchase holding
     * enough is rejected.
     *
     * @param position the cancellation's place in the batch
     * @return the returns made, in line order
     */
    StoredOrder cancel(PreparedOrder p, int position, BatchTally tally) {
        StoredOrder made = new StoredOrder();
        for (SaleLine line : p.lines()) {
            String reference = returnReference(run.source(), p, line);
            if (!references.add(reference)) {
                tally.already++;
                continue;
            }
            Optional<Purchase> target = target(p, line, position);
            if (target.isEmpty()) {
                references.remove(reference);
                tally.reject(line.sourceLine(), "quantity",
                        "no earlier purchase of this customer holds that many of the SKU to take back");
                continue;
            }
            takeBack(target.get(), p, line, reference, made);
            tally.imported++;
            tally.returns++;
        }
        return made;
    }

    /**
     * @return the latest earlier purchase of this source holding enough, preferring one at the cancelled price; as
     *         this batch changed it, if it did
     */
    private Optional<Purchase> target(PreparedOrder p, SaleLine line, int position) {
        ProductView product = p.productOf(line);
        int quantity = -line.quantity();
        List<Purchase> holding = candidates.getOrDefault(holding(p, line), List.of()).stream()
                .filter(candidate -> storedBefore(candidate, position)).limit(CANDIDATES)
                .map(this::current)
                .filter(candidate -> candidate.snapshot().source().equals(run.source())
                        && lineHolding(candidate, product, quantity) != null).toList();
        Money price = run.unitPrice(line);
        return holding.stream()
                .filter(candidate -> lineHolding(candidate, product, quantity).unitPrice().equals(price))
                .findFirst().or(() -> holding.stream().findFirst());
    }

    private void takeBack(Purchase target, PreparedOrder p, SaleLine line, String reference, StoredOrder made) {
        int quantity = -line.quantity();
        PurchaseLine bought = lineHolding(target, p.productOf(line), quantity);
        made.record(returns.takeBack(target, Map.of(bought.number(), quantity),
                SalesService.storable(line.occurredAt()), reference), "purchase.return", target.id(),
                target.pullEvents());
        changed.put(target.id(), target);
    }

    /** @return the purchases the batch's returns changed, in id order */
    List<Purchase> changedInIdOrder() {
        return changed.values().stream()
                .sorted((a, b) -> UuidV7.compareBytes(a.id().value(), b.id().value())).toList();
    }

    /** @return whether the purchase was stored before the batch's order at that position */
    private boolean storedBefore(Purchase purchase, int position) {
        return freshAt.getOrDefault(purchase.id(), -1) < position;
    }

    /** @return the purchase as this batch changed it, if it did */
    private Purchase current(Purchase stored) {
        return changed.getOrDefault(stored.id(), stored);
    }

    private static PurchaseLine lineHolding(Purchase purchase, ProductView product, int quantity) {
        return purchase.snapshot().lines().stream()
                .filter(l -> l.product().equals(product.id()) && l.returnable() >= quantity)
                .findFirst().orElse(null);
    }

    /** @return the query of the purchases a cancelled line may take back from */
    private static PurchaseRepository.ProductHolding holding(PreparedOrder p, SaleLine line) {
        return new PurchaseRepository.ProductHolding(p.customer(), p.productOf(line).id(),
                SalesService.storable(line.occurredAt()));
    }

    /**
     * @return the return reference of a cancelled line; the source's length first, so that no source and order can
     *         spell another's reference
     */
    private static String returnReference(String source, PreparedOrder p, SaleLine line) {
        return source.length() + ":" + source + ":" + p.reference() + "#" + line.lineNumber();
    }
}
