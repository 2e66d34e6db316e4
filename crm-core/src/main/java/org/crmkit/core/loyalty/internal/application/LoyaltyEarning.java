package org.crmkit.core.loyalty.internal.application;

import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.crmkit.core.loyalty.CategoryRef;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.Basket;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.Tier;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.sales.internal.port.PurchaseParticipant;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.shared.UuidV7;

/**
 * Earns points for recorded purchases and claws them back for returns, inside the sales transaction. An anonymous
 * sale earns nothing; a customer's account opens with their first earning.
 *
 * <p>A purchase earns at the tier its customer held at the purchase's own time: the tier that the points earned in
 * the tier window ending then reach (net of claw-backs, by earning time), counting the entries stored before and
 * this batch's earlier postings. So what an order earns depends on the orders before it and their times, never on
 * when the sale is recorded or an import is run (issue 17, finding 2); for a sale recorded as it happens that is the
 * tier the account holds. After each posting the account's stored tier is evaluated as of now, the tier it shows.
 *
 * <p>One mechanism for one purchase and for a bulk import's batch: the accounts concerned are read, opened and locked
 * together (in the order of their ids), their earnings over the span of every window the batch asks about read
 * together, the earnings the batch's returns take from read together, every posting decided by the
 * {@link LoyaltyAccount} in the order the sales area gives (the order the purchases and returns were made in), and
 * the changes stored together. A purchase or return on its own is a batch of one.
 */
final class LoyaltyEarning implements PurchaseParticipant {

    private final UseCaseSupport support;
    private final LoyaltyStore accounts;
    private final ProductCatalog products;
    private final LoyaltyProgram program;

    LoyaltyEarning(UseCaseSupport support, LoyaltyStore accounts, ProductCatalog products, LoyaltyProgram program) {
        this.support = support;
        this.accounts = accounts;
        this.products = products;
        this.program = program;
    }

    @Override
    public void purchaseRecorded(RecordedPurchase purchase) {
        batchRecorded(List.of(purchase));
    }

    @Override
    public void purchaseReturned(ReturnedPurchase returned) {
        batchRecorded(List.of(returned));
    }

    @Override
    public void batchRecorded(List<? extends Posting> postings) {
        List<Posting> ofCustomers = postings.stream().filter(p -> p.customer() != null)
                .map(Posting.class::cast).toList();
        if (ofCustomers.isEmpty()) {
            return;
        }
        Set<CustomerId> customers = new LinkedHashSet<>();
        ofCustomers.forEach(p -> customers.add(p.customer()));
        // read without a lock: a purchase that earns nothing opens no account, and a locking read of a missing
        // account would block (on MySQL: deadlock) parallel first earnings of other customers (see openAndLock)
        Map<CustomerId, LoyaltyAccountSnapshot> known = accounts.findAll(customers);
        Function<ProductId, List<CategoryRef>> paths = categoryPaths();
        // a customer without an account has the lowest tier until their first earning opens one
        Set<CustomerId> newcomers = new LinkedHashSet<>();
        for (Posting posting : ofCustomers) {
            if (posting instanceof RecordedPurchase purchase && !known.containsKey(purchase.customer())
                    && !newcomers.contains(purchase.customer())
                    && points(program.earn(basket(purchase), program.lowestTier(), paths)) > 0) {
                newcomers.add(purchase.customer());
            }
        }
        Instant now = support.now();
        open(List.copyOf(newcomers), now);
        // every existing account with a posting takes part (what the batch's earlier postings do to its tier must
        // not decide whether a later one is posted); a return takes back only from an account older than this
        // transaction or opened in it: no locking read of a missing account (see openAndLock)
        Set<CustomerId> concerned = new LinkedHashSet<>(newcomers);
        customers.stream().filter(known::containsKey).forEach(concerned::add);
        if (concerned.isEmpty()) {
            return;
        }
        Map<CustomerId, LoyaltyAccount> locked = accounts.lockAll(concerned);
        StoredEarnings stored = storedEarnings(locked.keySet(), ofCustomers, now);
        Set<PurchaseId> recordedHere = new HashSet<>();
        ofCustomers.stream().filter(RecordedPurchase.class::isInstance)
                .forEach(p -> recordedHere.add(((RecordedPurchase) p).id()));
        Map<LoyaltyRepository.EntryKey, LedgerEntry> earlier = earlierEarnings(ofCustomers.stream()
                .filter(p -> p instanceof ReturnedPurchase r && locked.containsKey(r.customer())
                        && !recordedHere.contains(r.purchase()))
                .map(ReturnedPurchase.class::cast).toList());
        // every posting decided in the order given: a return of a purchase of this batch takes from the earning
        // just posted
        Map<CustomerId, LoyaltyAccount> changed = new LinkedHashMap<>();
        Map<PurchaseId, LedgerEntry> earnedNow = new HashMap<>();
        for (Posting posting : ofCustomers) {
            LoyaltyAccount account = locked.get(posting.customer());
            if (account == null) {
                continue;
            }
            boolean posted;
            if (posting instanceof RecordedPurchase purchase) {
                LedgerEntry entry = earn(account, purchase, stored, paths, now);
                if (entry != null) {
                    earnedNow.put(purchase.id(), entry);
                }
                posted = entry != null;
            } else {
                ReturnedPurchase r = (ReturnedPurchase) posting;
                posted = clawBack(account, r, recordedHere.contains(r.purchase()) ? earnedNow.get(r.purchase())
                        : earlier.get(new LoyaltyRepository.EntryKey(r.customer(), r.purchase().toString())), now);
            }
            if (posted) {
                reviewTier(account, stored, now);
                changed.put(posting.customer(), account);
            }
        }
        accounts.updateAll(locked.values().stream().filter(a -> changed.containsKey(a.snapshot().customer()))
                .toList());
    }

    /** Opens the accounts of customers who earn for the first time, publishing the openings this call made. */
    private void open(List<CustomerId> newcomers, Instant now) {
        if (newcomers.isEmpty()) {
            return;
        }
        List<LoyaltyAccount> fresh = newcomers.stream()
                .map(c -> LoyaltyAccount.open(c, program.lowestTier(), now)).toList();
        Set<CustomerId> opened = accounts.addAllIfAbsent(fresh);
        fresh.stream().filter(a -> opened.contains(a.snapshot().customer()))
                .forEach(a -> support.publishAfterCommit(a.pullEvents()));
    }

    /**
     * The stored earnings of the customers over every tier window the batch asks about, in one read: the window
     * ending at each purchase's time and the one ending now.
     */
    private StoredEarnings storedEarnings(Set<CustomerId> customers, List<Posting> postings, Instant now) {
        Instant from = program.windowStart(now);
        Instant to = now;
        for (Posting posting : postings) {
            if (posting instanceof RecordedPurchase purchase && customers.contains(purchase.customer())) {
                Instant at = purchase.occurredAt();
                from = program.windowStart(at).isBefore(from) ? program.windowStart(at) : from;
                to = at.isAfter(to) ? at : to;
            }
        }
        return new StoredEarnings(accounts.earnings(customers, from, to));
    }

    /**
     * @return the points the account earned in the tier window that ends at {@code end}: those stored before this
     *         batch and those of its postings not stored yet (this batch's earlier ones)
     */
    private long earnedInWindow(LoyaltyAccount account, StoredEarnings stored, Instant end) {
        Instant from = program.windowStart(end);
        return stored.between(account.snapshot().customer(), from, end) + account.pendingEarned(from, end);
    }

    /**
     * @return the entry posting what the purchase earned at the tier its customer held at the purchase's time, or
     *         {@code null} for nothing
     */
    private LedgerEntry earn(LoyaltyAccount account, RecordedPurchase purchase, StoredEarnings stored,
                             Function<ProductId, List<CategoryRef>> paths, Instant now) {
        Tier held = program.tierFor(earnedInWindow(account, stored, purchase.occurredAt()));
        List<EarnedLine> lines = program.earn(basket(purchase), held, paths);
        if (points(lines) == 0) {
            return null;
        }
        UUID lot = UuidV7.next(support.clock());
        Instant expiry = program.expiryOf(purchase.occurredAt());
        LedgerEntry entry = account.earn(UuidV7.next(support.clock()), lot, purchase.id(), purchase.occurredAt(),
                expiry, lines, now);
        if (!expiry.isAfter(now)) {
            // a sale old enough (an import of past years) earns points that expired already: they expire at once,
            // so they count as earned but are never spendable
            account.expireLot(UuidV7.next(support.clock()), lot, now);
        }
        return entry;
    }

    /**
     * The stored earnings the returns take back from, read together, by customer and reference (the purchase).
     *
     * @param returns returns of purchases recorded before this batch
     */
    private Map<LoyaltyRepository.EntryKey, LedgerEntry> earlierEarnings(List<ReturnedPurchase> returns) {
        Map<LoyaltyRepository.EntryKey, LedgerEntry> earlier = new HashMap<>();
        if (!returns.isEmpty()) {
            accounts.findEntries(EntryKind.EARN, returns.stream().map(r -> new LoyaltyRepository.EntryKey(
                            r.customer(), r.purchase().toString())).toList())
                    .forEach(e -> earlier.put(new LoyaltyRepository.EntryKey(e.customer(), e.reference()), e));
        }
        return earlier;
    }

    /** @return whether the account took back what the returned lines earned */
    private boolean clawBack(LoyaltyAccount account, ReturnedPurchase returned, LedgerEntry earning, Instant now) {
        if (earning == null || !program.expiryOf(earning.earnedAt()).isAfter(now)) {
            // nothing earned, or the points expired already: what expired is gone and is not taken again from the
            // customer's live points
            return false;
        }
        Map<Integer, EarnedLine> earnedByLine = new HashMap<>();
        earning.lines().forEach(l -> earnedByLine.put(l.lineNumber(), l));
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
        return account.clawBack(UuidV7.next(support.clock()), returned.returnId(), returned.purchase(), Points.of(points),
                earning, now) != null;
    }

    private static long points(List<EarnedLine> lines) {
        return lines.stream().mapToLong(EarnedLine::points).sum();
    }

    /** @return {@code floor(points x part / whole)} without overflow */
    private static long share(long points, int part, int whole) {
        return BigInteger.valueOf(points).multiply(BigInteger.valueOf(part)).divide(BigInteger.valueOf(whole))
                .longValueExact();
    }

    /**
     * Re-evaluates the tier the account shows, as of now, with what was just earned or taken back (the window as
     * stored before this batch plus the account's postings not stored yet) and publishes the account's events after
     * commit.
     */
    private void reviewTier(LoyaltyAccount account, StoredEarnings stored, Instant now) {
        long earned = earnedInWindow(account, stored, now);
        account.evaluateTier(program.tierFor(earned), earned, now);
        support.publishAfterCommit(account.pullEvents());
    }

    /** A product's category path, read once per product and purchase, and only if the rules name categories. */
    private Function<ProductId, List<CategoryRef>> categoryPaths() {
        if (!program.namesCategories()) {
            return product -> List.of();
        }
        Map<CategoryId, CategoryView> categories = new HashMap<>();
        products.categories().forEach(c -> categories.put(c.id(), c));
        Map<ProductId, List<CategoryRef>> paths = new HashMap<>();
        return product -> paths.computeIfAbsent(product, p -> {
            List<CategoryRef> path = new ArrayList<>();
            CategoryId at = products.find(p).map(ProductView::category).orElse(null);
            while (at != null && categories.containsKey(at) && path.size() < 64) {
                CategoryView c = categories.get(at);
                path.add(new CategoryRef(c.id(), c.name()));
                at = c.parent();
            }
            return path;
        });
    }

    /** @param purchase a purchase as the sales area hands it over @return the lines the program prices */
    private static Basket basket(RecordedPurchase purchase) {
        return new Basket(purchase.currency(), purchase.occurredAt(), purchase.lines().stream()
                .map(l -> new Basket.Line(l.number(), l.product(), l.quantity(), l.total())).toList());
    }
}
