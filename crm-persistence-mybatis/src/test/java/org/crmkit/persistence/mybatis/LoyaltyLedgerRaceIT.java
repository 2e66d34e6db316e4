package org.crmkit.persistence.mybatis;

import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * The loyalty ledger under parallel use on a real MySQL-compatible server: 8 threads run 1,000 mixed operations each
 * (purchases that earn, returns that claw back, redemptions that retry each other's idempotency keys, adjustments,
 * expiry runs, tier reviews and statements) over 50 accounts. Refusals (not enough points, a key reused for another
 * request, a return of more than is left, a return racing another return) are expected and counted; any other outcome
 * fails the test, and so do refusals of more than a tenth of the operations. Afterwards every ledger keeps its
 * invariants, every redemption key was counted once, and no successful redemption or adjustment is missing.
 */
class LoyaltyLedgerRaceIT {
    private static final Actor SYSTEM = Actor.system("loyalty-race");
    private static final int THREADS = 8;
    private static final int OPERATIONS = 1_000;
    private static final int ACCOUNTS = 50;
    private static final int KEYS_PER_ACCOUNT = 12;
    /**
     * Each operation and how it may end: refused for too few points (a redemption or a negative adjustment), a key
     * reused for another request, a return of more than is left of its line, or a return losing a race with another
     * return of the same purchase.
     */
    private static final java.util.Set<String> EXPECTED_OUTCOMES = java.util.Set.of(
            "redeem:ok", "redeem:insufficient_points", "redeem:duplicate",
            "buy:ok",
            "return:ok", "return:return_exceeds_purchase", "return:stale_version",
            "adjust:ok", "adjust:insufficient_points",
            "expire:ok", "review:ok", "statement:ok");

    @Test
    void mixedParallelOperationsLoseNothingAndCountEveryKeyOnce() throws Exception {
        Crm crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).clock(Clock.systemUTC()).persistence(TestDatabase.get().emptyPersistence())
                .build();
        Actor manager = TestStaff.enrol(crm, StaffId.next(Clock.systemUTC()), Role.SALES_MANAGER, Role.CRM_MANAGER);
        List<ProductView> products = List.of(
                crm.products().create(SYSTEM, new CreateProductCommand("PEN", "Pen", null, null,
                        new BigDecimal("3.99"), "EUR")),
                crm.products().create(SYSTEM, new CreateProductCommand("BAG", "Bag", null, null,
                        new BigDecimal("25.00"), "EUR")));
        List<CustomerId> customers = new ArrayList<>();
        Map<CustomerId, List<PurchaseView>> purchases = new ConcurrentHashMap<>();
        AtomicLong references = new AtomicLong();
        for (int i = 0; i < ACCOUNTS; i++) {
            CustomerId c = crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp("Race" + i, "Loyal",
                    "race" + i + "@example.org", null, false)).id();
            customers.add(c);
            purchases.put(c, new CopyOnWriteArrayList<>());
            // a head start: some of it old enough to expire during the run
            purchases.get(c).add(buy(crm, manager, c, products.get(1), 4, Instant.now().minus(Duration.ofDays(400)),
                    references));
            purchases.get(c).add(buy(crm, manager, c, products.get(1), 4, Instant.now(), references));
        }

        Map<String, Long> redeemedByKey = new ConcurrentHashMap<>();
        Map<CustomerId, AtomicLong> adjusted = new ConcurrentHashMap<>();
        customers.forEach(c -> adjusted.put(c, new AtomicLong()));
        Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
        List<Throwable> unexpected = new CopyOnWriteArrayList<>();

        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Random random = new Random(1_000 + t);
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < OPERATIONS; i++) {
                    CustomerId c = customers.get(random.nextInt(ACCOUNTS));
                    int dice = random.nextInt(1_000);
                    String what = "?";
                    try {
                        if (dice < 350) {
                            what = "redeem";
                            int key = random.nextInt(KEYS_PER_ACCOUNT);
                            // a key always means the same request, except now and then on purpose
                            long points = 1 + key * 3L + (random.nextInt(50) == 0 ? 1 : 0);
                            String k = c + "/r-" + key;
                            LedgerEntryView entry = crm.loyalty().redeem(manager,
                                    new RedeemPointsCommand(c, points, "r-" + key, null));
                            Long first = redeemedByKey.putIfAbsent(k, -entry.points());
                            assertThat(first == null || first == -entry.points()).as("key %s", k).isTrue();
                        } else if (dice < 600) {
                            what = "buy";
                            purchases.get(c).add(buy(crm, manager, c, products.get(random.nextInt(2)),
                                    1 + random.nextInt(3), Instant.now().minus(Duration.ofDays(random.nextInt(400))),
                                    references));
                        } else if (dice < 700) {
                            what = "return";
                            List<PurchaseView> mine = purchases.get(c);
                            PurchaseView p = mine.get(random.nextInt(mine.size()));
                            crm.sales().recordReturn(manager, new RecordReturnCommand(p.id(),
                                    List.of(new RecordReturnCommand.Line(1, 1)), null));
                        } else if (dice < 850) {
                            what = "adjust";
                            long points = random.nextInt(41) - 20;
                            if (points != 0) {
                                crm.loyalty().adjust(manager, new AdjustPointsCommand(c, points, "race"));
                                adjusted.get(c).addAndGet(points);
                            }
                        } else if (dice < 860) {
                            what = "expire";
                            crm.loyalty().expirePoints(manager, new ExpirePointsCommand(Instant.now()));
                        } else if (dice < 863) {
                            what = "review";
                            crm.loyalty().reevaluateTiers(manager, new ReevaluateTiersCommand(Instant.now()));
                        } else {
                            what = "statement";
                            LoyaltyStatement s = crm.loyalty().statement(manager,
                                    new LoyaltyStatementQuery(c, PageRequest.first(20)));
                            assertThat(s.account().balance()).isNotNegative();
                        }
                        outcomes.computeIfAbsent(what + ":ok", x -> new AtomicLong()).incrementAndGet();
                    } catch (BusinessRuleViolationException | ConflictException expected) {
                        outcomes.computeIfAbsent(what + ":" + expected.code(), x -> new AtomicLong())
                                .incrementAndGet();
                    } catch (RuntimeException | AssertionError e) {
                        unexpected.add(new AssertionError(what + " failed unexpectedly", e));
                    }
                }
                return null;
            }));
        }
        long began = System.nanoTime();
        start.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(8, TimeUnit.MINUTES)).as("finished in time").isTrue();
        for (Future<?> f : done) {
            f.get();
        }
        System.out.printf("loyalty race: %d operations in %d ms; outcomes %s%n", THREADS * OPERATIONS,
                (System.nanoTime() - began) / 1_000_000, new java.util.TreeMap<>(outcomes));
        assertThat(unexpected).as("unexpected failures").isEmpty();
        Map<String, Long> counts = new java.util.TreeMap<>();
        outcomes.forEach((k, v) -> counts.put(k, v.get()));
        assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as("every operation counted once")
                .isEqualTo((long) THREADS * OPERATIONS);
        assertThat(EXPECTED_OUTCOMES).as("only the documented outcomes: %s", counts).containsAll(counts.keySet());
        for (String kind : List.of("redeem", "buy", "return", "adjust", "expire", "review", "statement")) {
            assertThat(counts.getOrDefault(kind + ":ok", 0L)).as("%s succeeded: %s", kind, counts).isPositive();
        }
        assertThat(counts.getOrDefault("redeem:insufficient_points", 0L)).as("some refused for too few points")
                .isPositive();
        assertThat(counts.getOrDefault("redeem:duplicate", 0L)).as("keys reused for another request refused")
                .isPositive();
        long refused = counts.entrySet().stream().filter(e -> !e.getKey().endsWith(":ok"))
                .mapToLong(Map.Entry::getValue).sum();
        assertThat(refused).as("refusals stay the exception (%s)", counts).isLessThan(THREADS * OPERATIONS / 10);

        LoyaltyRepository ledger = CrmTestAccess.persistence(crm).loyalty();
        for (CustomerId c : customers) {
            LoyaltyRepository.LedgerSums sums = CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> ledger.sums(c));
            assertThat(sums.hold()).as("invariants of %s: %s", c, sums).isTrue();
            List<LedgerEntryView> entries = allEntries(crm, manager, c);
            long redeemed = redeemedByKey.entrySet().stream().filter(e -> e.getKey().startsWith(c + "/"))
                    .mapToLong(Map.Entry::getValue).sum();
            assertThat(entries.stream().filter(e -> e.kind() == EntryKind.REDEEM).map(LedgerEntryView::reference))
                    .as("each key once").doesNotHaveDuplicates()
                    .hasSize((int) redeemedByKey.keySet().stream().filter(k -> k.startsWith(c + "/")).count());
            assertThat(-entries.stream().filter(e -> e.kind() == EntryKind.REDEEM).mapToLong(LedgerEntryView::points)
                    .sum()).as("every redemption of %s, once", c).isEqualTo(redeemed);
            assertThat(entries.stream().filter(e -> e.kind() == EntryKind.ADJUST).mapToLong(LedgerEntryView::points)
                    .sum()).as("every adjustment of %s", c).isEqualTo(adjusted.get(c).get());
            LoyaltyStatement s = crm.loyalty().statement(manager, new LoyaltyStatementQuery(c, PageRequest.first(1)));
            assertThat(s.account().lifetimeRedeemed()).isEqualTo(redeemed);
        }
    }

    private static PurchaseView buy(Crm crm, Actor manager, CustomerId c, ProductView product, int quantity,
                                    Instant at, AtomicLong references) {
        return crm.sales().recordPurchase(manager, new RecordPurchaseCommand(c, at, SalesChannel.STORE, "race",
                "R-" + references.incrementAndGet(), "EUR", List.of(new RecordPurchaseCommand.Line(1, product.id(),
                quantity, product.listPrice().amount()))));
    }

    private static List<LedgerEntryView> allEntries(Crm crm, Actor manager, CustomerId c) {
        List<LedgerEntryView> all = new ArrayList<>();
        LoyaltyStatementQuery query = new LoyaltyStatementQuery(c, PageRequest.first(200));
        while (true) {
            LoyaltyStatement s = crm.loyalty().statement(manager, query);
            all.addAll(s.entries().items());
            if (s.entries().nextCursor().isEmpty()) {
                return all;
            }
            query = query.next(s.entries());
        }
    }
}
