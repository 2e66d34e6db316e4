package org.crmkit.persistence.mybatis;

import org.crmkit.core.loyalty.internal.domain.Points;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.crmkit.core.Crm;
import org.crmkit.core.contract.LoyaltyFixtures;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository.LedgerSums;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.LockWaits;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the loyalty contract cannot show, on a real server under its default REPEATABLE READ: a transaction whose
 * snapshot is older than a change another transaction committed to the account still sees that change once it locks
 * the account (the row, its lots, its entries), and a parallel opening of an account waits for the first and is then
 * ignored, and parallel first earnings (of one customer or of many) all succeed.
 */
class LoyaltyConcurrencyIT {
    private static final Instant T0 = LoyaltyFixtures.T0;

    private MyBatisCrmPersistence persistence;
    private ExecutorService pool;

    @BeforeEach
    void setUp() {
        persistence = TestDatabase.get().emptyPersistence();
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterEach
    void tearDown() {
        pool.shutdownNow();
    }

    private LoyaltyStore repo() {
        return new LoyaltyStore(persistence.port(LoyaltyRepository.class).orElseThrow());
    }

    private <T> T tx(Supplier<T> work) {
        return persistence.unitOfWork().inTransaction(work);
    }

    /** An account holding 100 points in one lot. */
    private CustomerId accountWith100Points() {
        CustomerId customer = LoyaltyFixtures.opened(new AreaPorts(persistence), LoyaltyFixtures.storedCustomer(new AreaPorts(persistence)));
        tx(() -> {
            LoyaltyAccount account = repo().lock(customer).orElseThrow();
            LoyaltyFixtures.earn(account, T0, List.of(new EarnedLine(1,
                    org.crmkit.core.contract.SalesFixtures.storedProduct(new AreaPorts(persistence)).id(), 1, 100, "100")));
            repo().update(account);
            return null;
        });
        return customer;
    }

    @Test
    void aParallelOpeningWaitsForTheFirstAndIsThenIgnored() throws Exception {
        CustomerId customer = LoyaltyFixtures.storedCustomer(new AreaPorts(persistence));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Boolean> first = pool.submit(() -> tx(() -> {
            boolean opened = repo().addIfAbsent(LoyaltyAccount.open(customer, LoyaltyFixtures.BRONZE, T0));
            inserted.countDown();
            await(release);
            return opened;
        }));
        assertThat(inserted.await(10, TimeUnit.SECONDS)).isTrue();
        Future<Opening> second = pool.submit(() -> tx(() -> {
            Optional<LoyaltyAccountSnapshot> before = repo().find(customer);
            boolean opened = repo().addIfAbsent(LoyaltyAccount.open(customer, LoyaltyFixtures.BRONZE,
                    T0.plusSeconds(60)));
            return new Opening(before, opened, repo().lock(customer).map(LoyaltyAccount::snapshot));
        }));

        LockWaits.awaitWaiting(1);
        assertThat(second).as("the second opening waits for the first transaction").isNotDone();
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isTrue();
        Opening seen = second.get(20, TimeUnit.SECONDS);
        assertThat(seen.before()).as("its snapshot predates the first opening").isEmpty();
        assertThat(seen.opened()).isFalse();
        assertThat(seen.locked()).as("the locking read sees the first opening")
                .map(LoyaltyAccountSnapshot::openedAt).contains(T0);
    }

    private record Opening(Optional<LoyaltyAccountSnapshot> before, boolean opened,
                           Optional<LoyaltyAccountSnapshot> locked) {
    }

    @Test
    void lockSeesTheLotsOfAChangeCommittedAfterTheTransactionsSnapshot() throws Exception {
        CustomerId customer = accountWith100Points();
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        Future<LedgerEntry> late = pool.submit(() -> tx(() -> {
            repo().find(customer);
            snapshotTaken.countDown();
            await(changed);
            LoyaltyAccount account = repo().lock(customer).orElseThrow();
            LedgerEntry entry = account.redeem(LoyaltyFixtures.id(), Points.of(100), "late", null, T0.plusSeconds(7200));
            repo().update(account);
            return entry;
        }));
        assertThat(snapshotTaken.await(10, TimeUnit.SECONDS)).isTrue();
        // 60 taken from the first lot and 60 granted in a new one: the balance is 100 again, the lots are not
        tx(() -> {
            LoyaltyAccount account = repo().lock(customer).orElseThrow();
            account.redeem(LoyaltyFixtures.id(), Points.of(60), "early", null, T0.plusSeconds(3600));
            account.addPoints(LoyaltyFixtures.id(), LoyaltyFixtures.id(), Points.of(60), "goodwill", null,
                    T0.plusSeconds(2 * 365 * 86_400L), T0.plusSeconds(3600));
            repo().update(account);
            return null;
        });
        changed.countDown();

        assertThat(late.get(20, TimeUnit.SECONDS).balanceAfter()).isZero();
        LedgerSums sums = tx(() -> repo().sums(customer));
        assertThat(sums).isEqualTo(new LedgerSums(0, 0, 0, 0, 4));
        assertThat(sums.hold()).isTrue();
        assertThat(tx(() -> repo().lock(customer)).orElseThrow().openLots()).isEmpty();
    }

    @Test
    void findEntrySeesAnIdempotencyKeyCommittedAfterTheTransactionsSnapshot() throws Exception {
        CustomerId customer = accountWith100Points();
        CountDownLatch snapshotTaken = new CountDownLatch(1);
        CountDownLatch changed = new CountDownLatch(1);
        Future<Optional<LedgerEntry>> late = pool.submit(() -> tx(() -> {
            repo().find(customer);
            snapshotTaken.countDown();
            await(changed);
            repo().lock(customer).orElseThrow();
            return repo().findEntry(customer, EntryKind.REDEEM, "key-1");
        }));
        assertThat(snapshotTaken.await(10, TimeUnit.SECONDS)).isTrue();
        tx(() -> {
            LoyaltyAccount account = repo().lock(customer).orElseThrow();
            account.redeem(LoyaltyFixtures.id(), Points.of(10), "key-1", null, T0.plusSeconds(3600));
            repo().update(account);
            return null;
        });
        changed.countDown();

        assertThat(late.get(20, TimeUnit.SECONDS)).map(LedgerEntry::points).contains(-10L);
    }

    @Test
    void parallelOpeningsOfOneAccountAllReturnIt() throws Exception {
        Crm crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).build();
        Actor manager = TestStaff.enrol(crm, StaffId.next(LoyaltyFixtures.IDS), Role.CRM_MANAGER);
        for (int round = 0; round < 5; round++) {
            CustomerId customer = LoyaltyFixtures.storedCustomer(new AreaPorts(persistence));
            List<ParallelCalls.Outcome<LoyaltyAccountView>> outcomes = ParallelCalls.run(6,
                    i -> () -> crm.loyalty().openAccount(manager, new OpenLoyaltyAccountCommand(customer)));
            assertThat(outcomes).as("round %d", round).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
            assertThat(tx(() -> repo().accounts(null, 100))).contains(customer);
        }
    }

    @Test
    void parallelFirstEarningsOfDifferentCustomersAndOfOneCustomerAllSucceed() throws Exception {
        Crm crm = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).persistence(persistence).build();
        Actor seller = TestStaff.enrol(crm, StaffId.next(LoyaltyFixtures.IDS), Role.SALES_MANAGER);
        ProductView mug = crm.products().create(Actor.system("loyalty-race"), new CreateProductCommand("MUG-1",
                "Mug", null, null, new BigDecimal("7.50"), "EUR"));
        for (int round = 0; round < 5; round++) {
            // a new account each: a locking read of a missing account before the insert would deadlock these
            List<CustomerId> customers = IntStream.range(0, 6)
                    .mapToObj(i -> LoyaltyFixtures.storedCustomer(new AreaPorts(persistence))).toList();
            String prefix = "R" + round + "-";
            List<ParallelCalls.Outcome<PurchaseView>> outcomes = ParallelCalls.run(6, i -> () -> crm.sales()
                    .recordPurchase(seller, purchase(customers.get(i), prefix + i, mug)));
            assertThat(outcomes).as("round %d", round).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
            for (CustomerId customer : customers) {
                assertThat(tx(() -> repo().sums(customer))).isEqualTo(new LedgerSums(15, 0, 15, 15, 1));
            }

            // one new account, opened by the first of them, the others waiting
            CustomerId one = LoyaltyFixtures.storedCustomer(new AreaPorts(persistence));
            String again = "S" + round + "-";
            outcomes = ParallelCalls.run(6, i -> () -> crm.sales().recordPurchase(seller,
                    purchase(one, again + i, mug)));
            assertThat(outcomes).as("round %d", round).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
            assertThat(tx(() -> repo().sums(one))).isEqualTo(new LedgerSums(90, 0, 90, 90, 6));
        }
    }

    /**
     * Review finding: the multi-row updates joined the table to their rows so that, on a small table, the server
     * scanned (and under REPEATABLE READ locked) every row; two imports posting for customers who share nothing then
     * deadlocked. Each transaction here locks two accounts of its own, waits for the other to do the same, then stores
     * both accounts and their changed lots with the bulk update.
     */
    @Test
    void parallelBulkUpdatesOfCustomersWhoShareNothingBothSucceed() throws Exception {
        List<CustomerId> first = List.of(accountWith100Points(), accountWith100Points());
        List<CustomerId> second = List.of(accountWith100Points(), accountWith100Points());
        java.util.concurrent.CyclicBarrier bothLocked = new java.util.concurrent.CyclicBarrier(2);
        java.util.function.Function<List<CustomerId>, java.util.concurrent.Callable<Integer>> redeemEach =
                customers -> () -> tx(() -> {
                    java.util.Map<CustomerId, LoyaltyAccount> locked = repo().lockAll(customers);
                    locked.values().forEach(a -> a.redeem(LoyaltyFixtures.id(), Points.of(40), "bulk", null,
                            T0.plusSeconds(3600)));
                    try {
                        bothLocked.await(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("the other transaction did not lock its accounts", e);
                    }
                    repo().updateAll(List.copyOf(locked.values()));
                    return locked.size();
                });
        Future<Integer> one = pool.submit(redeemEach.apply(first));
        Future<Integer> two = pool.submit(redeemEach.apply(second));

        assertThat(one.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(two.get(30, TimeUnit.SECONDS)).isEqualTo(2);
        for (CustomerId customer : java.util.stream.Stream.concat(first.stream(), second.stream()).toList()) {
            LedgerSums sums = tx(() -> repo().sums(customer));
            assertThat(sums.hold()).isTrue();
            assertThat(tx(() -> repo().find(customer)).orElseThrow().balance()).isEqualTo(60);
        }
    }

    private static RecordPurchaseCommand purchase(CustomerId customer, String reference, ProductView product) {
        return new RecordPurchaseCommand(customer, T0, SalesChannel.WEB, "webshop", reference, "EUR",
                List.of(new RecordPurchaseCommand.Line(1, product.id(), 2, new BigDecimal("7.50"))));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
