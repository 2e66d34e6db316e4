package org.crmkit.core.loyalty.application;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.loyalty.domain.CategoryRef;
import org.crmkit.core.loyalty.domain.EarnedLine;
import org.crmkit.core.loyalty.domain.EntryKind;
import org.crmkit.core.loyalty.domain.LedgerEntry;
import org.crmkit.core.loyalty.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.domain.LoyaltyAccountState;
import org.crmkit.core.loyalty.domain.LoyaltyProgram;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CategoryId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.ProductId;
import org.crmkit.core.shared.PurchaseParticipant;
import org.crmkit.core.shared.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;

/**
 * Earns points for a recorded purchase and claws them back for a return, inside the sales transaction. An anonymous
 * sale earns nothing; a customer's account opens with their first earning.
 */
final class LoyaltyEarning implements PurchaseParticipant {
    private static final Actor LOOKUP = Actor.system("crmkit.loyalty");

    private final UseCaseSupport support;
    private final LoyaltyRepository accounts;
    private final Products products;
    private final LoyaltyProgram program;

    LoyaltyEarning(UseCaseSupport support, LoyaltyRepository accounts, Products products, LoyaltyProgram program) {
        this.support = support;
        this.accounts = accounts;
        this.products = products;
        this.program = program;
    }

    @Override
    public void purchaseRecorded(RecordedPurchase purchase) {
        CustomerId customer = purchase.customer();
        if (customer == null) {
            return;
        }
        // read without a lock: a purchase that earns nothing opens no account, and a locking read of a missing
        // account would block (on MySQL: deadlock) parallel first earnings of other customers (see openAndLock)
        String tier = accounts.find(customer).map(LoyaltyAccountState::tier).orElse(program.lowestTier().name());
        List<EarnedLine> lines = program.earn(purchase, program.tier(tier), categoryPaths());
        if (lines.stream().mapToLong(EarnedLine::points).sum() == 0) {
            return;
        }
        Instant now = support.now();
        LoyaltyAccount account = LoyaltyService.openAndLock(support, accounts, program, customer);
        if (!account.state().tier().equals(tier)) {
            // the tier moved between the read and the lock
            lines = program.earn(purchase, program.tier(account.state().tier()), categoryPaths());
        }
        UUID lot = UuidV7.next(support.clock());
        Instant expiry = program.expiryOf(purchase.occurredAt());
        account.earn(UuidV7.next(support.clock()), lot, purchase.id(), purchase.occurredAt(), expiry, lines, now);
        if (!expiry.isAfter(now)) {
            // a sale old enough (an import of past years) earns points that expired already: they expire at once,
            // so they count as earned but are never spendable
            account.expireLot(UuidV7.next(support.clock()), lot, now);
        }
        store(account, now);
    }

    @Override
    public void purchaseReturned(ReturnedPurchase returned) {
        CustomerId customer = returned.customer();
        if (customer == null) {
            return;
        }
        // a customer whose purchase earned has an account older than this transaction: no locking read of a
        // missing account (see openAndLock)
        if (accounts.find(customer).isEmpty()) {
            return;
        }
        Optional<LoyaltyAccount> locked = accounts.lock(customer);
        if (locked.isEmpty()) {
            return;
        }
        Optional<LedgerEntry> earning = accounts.findEntry(customer, EntryKind.EARN, returned.purchase().toString());
        if (earning.isEmpty() || !program.expiryOf(earning.get().earnedAt()).isAfter(support.now())) {
            // nothing earned, or the points expired already: what expired is gone and is not taken again from the
            // customer's live points
            return;
        }
        Map<Integer, EarnedLine> earnedByLine = new HashMap<>();
        earning.get().lines().forEach(l -> earnedByLine.put(l.lineNumber(), l));
        long points = 0;
        for (ReturnedLine line : returned.lines()) {
            EarnedLine earned = earnedByLine.get(line.number());
            if (earned != null) {
                // what the returned units earned, counted cumulatively so that returning every unit, in any number
                // of returns, takes back exactly what the line earned
                points += share(earned.points(), line.returnedBefore() + line.quantity(), line.bought())
                        - share(earned.points(), line.returnedBefore(), line.bought());
            }
        }
        LoyaltyAccount account = locked.get();
        Instant now = support.now();
        if (account.clawBack(UuidV7.next(support.clock()), returned.returnId(), returned.purchase(), points,
                earning.get(), now) != null) {
            store(account, now);
        }
    }

    /** @return {@code floor(points x part / whole)} without overflow */
    private static long share(long points, int part, int whole) {
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }

    /** Re-evaluates the tier with what was just earned or taken back, stores, and publishes after commit. */
    private void store(LoyaltyAccount account, Instant now) {
        CustomerId customer = account.state().customer();
        Instant from = program.windowStart(now);
        long earned = accounts.earnedBetween(customer, from, now) + account.pendingEarned(from, now);
        account.evaluateTier(program.tierFor(earned), earned, now);
        accounts.update(account);
        support.publishAfterCommit(account.pullEvents());
    }

    /** A product's category path, read once per product and purchase, and only if the rules name categories. */
    private Function<ProductId, List<CategoryRef>> categoryPaths() {
        if (!program.namesCategories()) {
            return product -> List.of();
        }
        Map<CategoryId, CategoryView> categories = new HashMap<>();
        products.categories(LOOKUP).forEach(c -> categories.put(c.id(), c));
        Map<ProductId, List<CategoryRef>> paths = new HashMap<>();
        return product -> paths.computeIfAbsent(product, p -> {
            List<CategoryRef> path = new ArrayList<>();
            CategoryId at = products.findById(LOOKUP, p).map(ProductView::category).orElse(null);
            while (at != null && categories.containsKey(at) && path.size() < 64) {
                CategoryView c = categories.get(at);
                path.add(new CategoryRef(c.id(), c.name()));
                at = c.parent();
            }
            return path;
        });
    }
}
