package org.crmkit.persistence.mybatis;

import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.core.staff.port.out.AccountRepository;
import org.crmkit.core.shared.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.internal.domain.Department;
import org.crmkit.core.staff.LockoutPolicy;
import org.crmkit.core.staff.PasswordResetToken;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.persistence.mybatis.testing.HeldTransaction;
import org.crmkit.persistence.mybatis.testing.LockWaits;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the port contracts cannot show, on a real server: the locking reads hold their locks across threads until
 * commit, the conditional "mark used" lets exactly one of two concurrent uses win, and the schema's foreign keys and
 * CHECK constraints hold what the domain does not check itself.
 */
class StaffPersistenceIT {
    private static final Clock CLOCK = Clock.systemUTC();
    private static final Instant T0 = Instant.parse("2026-04-01T08:30:15.654321Z");

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

    @Test
    void theSchemaCanBeMigratedOnADataSourceOfItsOwnAndAnUpToDateSchemaGetsNothing() throws Exception {
        assertThat(MyBatisCrmPersistence.migrate(TestDatabase.get().dataSource())).isZero();
        try (java.sql.Connection c = TestDatabase.get().dataSource().getConnection()) {
            assertThat(TestDatabase.crmTables(c)).contains("crm_staff", "crm_account", "crm_access_log");
        }
    }

    @Test
    void findByLoginForUpdateMakesASecondReaderOfTheLoginWaitForTheFirstsCommit() throws Exception {
        Account account = storedAccount(admin("Ada", "Lovelace"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LockoutPolicy policy = new LockoutPolicy(5, Duration.ofMinutes(15), Duration.ofMinutes(30));

        Future<Long> first = pool.submit(() -> persistence.unitOfWork().inTransaction(() -> {
            Account a = new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).findByLoginForUpdate(account.login()).orElseThrow();
            locked.countDown();
            await(release);
            a.recordFailure(T0.plusSeconds(1), policy);
            new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).update(a);
            return a.version();
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        Future<AccountSnapshot> second = pool.submit(() -> persistence.unitOfWork().inTransaction(
                () -> new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).findByLoginForUpdate(account.login()).orElseThrow().snapshot()));

        LockWaits.awaitWaiting(1);
        assertThat(second).as("the second locking read waits for the first transaction").isNotDone();
        release.countDown();
        assertThat(first.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        AccountSnapshot seen = second.get(20, TimeUnit.SECONDS);
        assertThat(seen.version()).as("the second reader sees the first one's committed change").isEqualTo(1);
        assertThat(seen.failedAttempts()).isEqualTo(1);
    }

    @Test
    void aPlainReadIsNotBlockedByTheLoginLock() throws Exception {
        Account account = storedAccount(admin("Ada", "Lovelace"));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<?> holder = pool.submit(() -> persistence.unitOfWork().inTransaction(() -> {
            new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).findByLoginForUpdate(account.login()).orElseThrow();
            locked.countDown();
            await(release);
        }));
        try {
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            Future<AccountId> reader = pool.submit(() -> persistence.unitOfWork().inTransaction(
                    () -> new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).findById(account.id()).orElseThrow().id()));
            assertThat(reader.get(10, TimeUnit.SECONDS)).isEqualTo(account.id());
        } finally {
            release.countDown();
            holder.get(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aNewHolderOfTheRoleWaitsForTheTransactionThatCountedTheRoleForUpdate() throws Exception {
        add(admin("Ada", "Lovelace"));
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Future<Long> counter = pool.submit(() -> persistence.unitOfWork().inTransaction(() -> {
            long admins = persistence.port(StaffRepository.class).orElseThrow().countActiveWithRoleForUpdate(Role.ADMIN);
            counted.countDown();
            await(release);
            return admins;
        }));
        assertThat(counted.await(10, TimeUnit.SECONDS)).isTrue();
        StaffUser second = admin("Grace", "Hopper");
        Future<?> writer = pool.submit(() -> persistence.unitOfWork().inTransaction(
                () -> new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).add(second)));

        LockWaits.awaitWaiting(1);
        assertThat(writer).as("granting the counted role waits for the counting transaction").isNotDone();
        release.countDown();
        assertThat(counter.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        writer.get(20, TimeUnit.SECONDS);
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(StaffRepository.class).orElseThrow().countActiveWithRoleForUpdate(Role.ADMIN))).isEqualTo(2);
    }

    @Test
    void ofTwoTransactionsThatBothSawNoAdministratorOnlyOneCreatesOne() throws Exception {
        add(user("Sam", "Sales", null, EnumSet.of(Role.SALES_REP)));
        CyclicBarrier bothCounted = new CyclicBarrier(2);
        List<Callable<String>> bootstraps = new ArrayList<>();
        for (String name : List.of("Ada", "Grace")) {
            bootstraps.add(() -> {
                try {
                    persistence.unitOfWork().inTransaction(() -> {
                        long admins = persistence.port(StaffRepository.class).orElseThrow().countActiveWithRoleForUpdate(Role.ADMIN);
                        await(bothCounted);
                        if (admins == 0) {
                            new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).add(admin(name, "Bootstrap"));
                        }
                    });
                    return "created";
                } catch (ConflictException e) {
                    return e.code();
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : pool.invokeAll(bootstraps, 30, TimeUnit.SECONDS)) {
            outcomes.add(f.get());
        }
        assertThat(outcomes).containsExactlyInAnyOrder("created", "concurrent_write");
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(StaffRepository.class).orElseThrow().countActiveWithRoleForUpdate(Role.ADMIN))).isEqualTo(1);
    }

    @Test
    void ofTwoConcurrentUsesOfOneResetTokenExactlyOneWins() throws Exception {
        Account account = storedAccount(admin("Ada", "Lovelace"));
        PasswordResetToken token = new PasswordResetToken(UuidV7.next(CLOCK), account.id(), "ab".repeat(32), T0,
                T0.plusSeconds(1800), null);
        persistence.unitOfWork().inTransaction(() -> persistence.port(PasswordResetTokenRepository.class).orElseThrow().add(token));
        Callable<Boolean> use = () -> persistence.port(PasswordResetTokenRepository.class).orElseThrow()
                .markUsed(token.id(), T0.plusSeconds(60));
        HeldTransaction.Result<Boolean, Boolean> race = HeldTransaction.run(persistence.unitOfWork(), use,
                () -> persistence.unitOfWork().inTransaction(() -> call(use)));

        assertThat(race.secondWaited()).as("the second use waits for the first's transaction").isTrue();
        assertThat(race.first().value()).isTrue();
        assertThat(race.second().value()).isFalse();
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(PasswordResetTokenRepository.class).orElseThrow()
                .findByHash(token.tokenHash())).orElseThrow().usedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void theSchemaRefusesADepartmentWhoseManagerIsNoStaffUserAndAUserOfAnUnknownDepartment() {
        Department department = Department.create(DepartmentId.next(CLOCK), "Sales", StaffId.next(CLOCK), T0);
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(
                () -> new DepartmentStore(persistence.port(DepartmentRepository.class).orElseThrow()).add(department))).isInstanceOf(PersistenceFailureException.class);
        StaffUser lost = user("Ada", "Lovelace", DepartmentId.next(CLOCK), Set.of());
        assertThatThrownBy(() -> add(lost)).isInstanceOf(PersistenceFailureException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> new DepartmentStore(persistence.port(DepartmentRepository.class).orElseThrow()).findAll())).isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(() -> new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).findById(lost.id()))).isEmpty();
    }

    @Test
    void theSchemaRefusesANegativeFailureCount() {
        StaffUser holder = admin("Ada", "Lovelace");
        add(holder);
        Account broken = Account.restore(new AccountSnapshot(AccountId.next(CLOCK), 0, AccountHolder.of(holder.id()),
                holder.snapshot().workEmail(), null, -1, null, null, null, null, T0));
        assertThatThrownBy(() -> persistence.unitOfWork().inTransaction(() -> new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).add(broken)))
                .isInstanceOf(PersistenceFailureException.class);
        assertThat(persistence.unitOfWork().inTransaction(() -> new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).findById(broken.id())))
                .isEmpty();
    }

    @Test
    void aDeactivatedAdministratorIsNotCountedAndADepartmentManagerRoundTrips() {
        StaffUser manager = admin("Ada", "Lovelace");
        add(manager);
        Department department = Department.create(DepartmentId.next(CLOCK), "Ventes 🦊", manager.id(), T0);
        persistence.unitOfWork().inTransaction(() -> new DepartmentStore(persistence.port(DepartmentRepository.class).orElseThrow()).add(department));
        StaffUser loaded = persistence.unitOfWork().inTransaction(() -> new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).findById(manager.id()))
                .orElseThrow();
        loaded.moveTo(department.id(), T0.plusSeconds(1));
        loaded.deactivate(T0.plusSeconds(2));
        persistence.unitOfWork().inTransaction(() -> new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).update(loaded));
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(StaffRepository.class).orElseThrow().countActiveWithRoleForUpdate(Role.ADMIN))).isZero();
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(StaffRepository.class).orElseThrow().countActiveInDepartment(department.id()))).isZero();
        assertThat(persistence.unitOfWork().inTransaction(() -> new DepartmentStore(persistence.port(DepartmentRepository.class).orElseThrow()).findById(department.id()))
                .orElseThrow().snapshot().manager()).isEqualTo(manager.id());
    }

    @Test
    void searchingAnAsciiColumnForOtherTextFindsNothingAndDoesNotFail() {
        AuditCriteria criteria = new AuditCriteria(ActorType.SYSTEM, "импорт 🦊", "café.é", "客户", null, null, null,
                null);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().search(criteria, 10)))
                .isEmpty();
        AuditCriteria byActor = new AuditCriteria(null, "импорт 🦊", null, null, null, null, null, null);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().search(byActor, 10)))
                .isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(AuditLog.class).orElseThrow().findByTarget("客户", UUID.randomUUID()))).isEmpty();
        assertThat(persistence.unitOfWork().inTransaction(
                () -> persistence.port(PasswordResetTokenRepository.class).orElseThrow().findByHash("é".repeat(64)))).isEmpty();
    }

    private StaffUser admin(String first, String last) {
        return user(first, last, null, EnumSet.of(Role.ADMIN));
    }

    private static StaffUser user(String first, String last, DepartmentId department, Set<Role> roles) {
        StaffUser user = StaffUser.create(StaffId.next(CLOCK), new PersonName(first, last),
                EmailAddress.of(first + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org"),
                department, roles, T0);
        user.pullEvents();
        return user;
    }

    private void add(StaffUser user) {
        persistence.unitOfWork().inTransaction(() -> new StaffStore(persistence.port(StaffRepository.class).orElseThrow()).add(user));
    }

    private Account storedAccount(StaffUser holder) {
        add(holder);
        Account account = Account.open(AccountId.next(CLOCK), AccountHolder.of(holder.id()),
                holder.snapshot().workEmail(), "$pbkdf2-sha256$i=1$c2FsdA$a2V5", T0);
        persistence.unitOfWork().inTransaction(() -> new AccountStore(persistence.port(AccountRepository.class).orElseThrow()).add(account));
        return account;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
