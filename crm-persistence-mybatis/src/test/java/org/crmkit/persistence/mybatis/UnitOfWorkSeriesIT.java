package org.crmkit.persistence.mybatis;

import org.crmkit.core.shared.AuditLog;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.crmkit.core.contract.SalesFixtures;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.persistence.mybatis.internal.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A series of transactions ({@link UnitOfWork#inSeries}) on the MySQL-compatible server: its transactions share one
 * connection, whose full-chunk statements ({@value MultiRowInsert#CHUNK} rows) are prepared once and used again by
 * the later transactions, and a rollback hands the next transaction a fresh connection. The batch use cases (the
 * sales import, the loyalty batches) run their transactions as a series.
 */
class UnitOfWorkSeriesIT {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private final AtomicInteger borrowed = new AtomicInteger();
    private final AtomicInteger closed = new AtomicInteger();
    private final AtomicInteger prepared = new AtomicInteger();
    private final AtomicInteger statementsClosed = new AtomicInteger();
    private final AtomicInteger fullChunks = new AtomicInteger();
    private MyBatisCrmPersistence persistence;
    private UnitOfWork unitOfWork;

    @BeforeEach
    void setUp() {
        TestDatabase database = TestDatabase.get();
        database.emptyPersistence();
        DataSource counting = counting(database.dataSource());
        persistence = MyBatisCrmPersistence.builder(counting).migrate(false).build();
        unitOfWork = persistence.unitOfWork();
        borrowed.set(0);
        closed.set(0);
    }

    @AfterEach
    void everyConnectionAndStatementIsClosed() {
        assertThat(closed).as("connections closed").hasValue(borrowed.get());
        assertThat(statementsClosed).as("statements closed").hasValue(prepared.get());
    }

    @Test
    void theTransactionsOfASeriesShareOneConnectionAndItsFullChunkStatements() {
        UUID target = UUID.randomUUID();
        List<List<AuditEntry>> batches = IntStream.range(0, 3)
                .mapToObj(b -> entries(target, b * 1_000, MultiRowInsert.CHUNK + 1)).toList();

        unitOfWork.inSeries(() -> {
            for (List<AuditEntry> batch : batches) {
                unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(batch));
            }
            return null;
        });

        assertThat(borrowed).as("one connection for the series").hasValue(1);
        assertThat(fullChunks).as("the full chunk's statement prepared once, used by three transactions")
                .hasValue(1);
        assertThat(unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().findByTarget("audit", target)))
                .as("every row of every transaction once, in order")
                .containsExactlyElementsOf(batches.stream().flatMap(List::stream).toList());
    }

    @Test
    void aRolledBackTransactionOfASeriesLeavesNothingAndTheNextOneGetsAFreshConnection() {
        UUID target = UUID.randomUUID();
        List<AuditEntry> first = entries(target, 0, MultiRowInsert.CHUNK);
        List<AuditEntry> failed = entries(target, 1_000, MultiRowInsert.CHUNK);
        List<AuditEntry> last = entries(target, 2_000, MultiRowInsert.CHUNK);

        unitOfWork.inSeries(() -> {
            unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(first));
            assertThatThrownBy(() -> unitOfWork.inTransaction(() -> {
                persistence.port(AuditLog.class).orElseThrow().appendAll(failed);
                throw new IllegalStateException("this batch fails after its rows were sent");
            })).isInstanceOf(IllegalStateException.class);
            unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(last));
            return null;
        });

        assertThat(borrowed).as("the first connection up to the rollback, then another").hasValue(2);
        assertThat(fullChunks).as("prepared again on the fresh connection").hasValue(2);
        assertThat(unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().findByTarget("audit", target)))
                .containsExactlyElementsOf(concat(first, last));
    }

    @Test
    void aRefusedCallerOfABatchUseCaseIsAuditedOnceAndHoldsNoConnection() {
        LoyaltyWorld world = new LoyaltyWorld(persistence, LoyaltyProgram.standard(), START, "denied");
        Actor rep = TestStaff.enrol(world.crm(), StaffId.next(world.clock()), Role.SALES_REP);
        List<ImportRow> file = List.of(new SaleLine(2, "90", 1, "LAMP-denied", null, 1, new BigDecimal("20.00"),
                START.minusSeconds(60), null, null, false));

        int before = borrowed.get();
        assertThatThrownBy(() -> world.crm().loyalty().reevaluateTiers(rep, new ReevaluateTiersCommand(START)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.crm().sales().importSales(rep, SalesImportOptions.strict("shop", "EUR"), file,
                (read, imported, rejected) -> { })).isInstanceOf(AccessDeniedException.class);

        assertThat(borrowed.get() - before).as("per call: the refused transaction, then the refusal's audit entry")
                .isEqualTo(4);
        assertThat(closed).as("every connection given back at once").hasValue(borrowed.get());
        assertThat(unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().search(new AuditCriteria(ActorType.STAFF,
                rep.reference(), null, null, null, null, null, null, AuditOutcome.DENIED), 10)))
                .extracting(AuditEntry::action).containsExactlyInAnyOrder("loyalty.tier",
                        "purchase.import");
    }

    @Test
    void withoutASeriesEveryTransactionBorrowsItsOwnConnection() {
        UUID target = UUID.randomUUID();
        unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(entries(target, 0, MultiRowInsert.CHUNK)));
        unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(entries(target, 1_000,
                MultiRowInsert.CHUNK)));
        assertThat(borrowed).hasValue(2);
        assertThat(fullChunks).hasValue(2);
        assertThat(unitOfWork.inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().count()))
                .isEqualTo(2L * MultiRowInsert.CHUNK);
    }

    @Test
    void theBatchUseCasesBorrowOneConnectionWhateverTheNumberOfAccounts() {
        LoyaltyWorld world = new LoyaltyWorld(persistence, LoyaltyProgram.standard(), START, "series");
        ProductView lamp = world.product("LAMP", "20.00", null);
        for (int i = 0; i < 6; i++) {
            world.buy(world.customer("Buyer" + i).id(), START.minusSeconds(3_600), lamp, 1);
        }

        int before = borrowed.get();
        BatchResult tiers = world.crm().loyalty().reevaluateTiers(world.manager(),
                new ReevaluateTiersCommand(START));
        assertThat(tiers.accounts()).isEqualTo(6);
        assertThat(borrowed.get() - before).as("one series: the check of the caller, then every account")
                .isEqualTo(1);

        before = borrowed.get();
        List<ImportRow> file = IntStream.range(0, 6).<ImportRow>mapToObj(i -> new SaleLine(i + 2, "9" + i, 1,
                "LAMP-series", null, 1, new BigDecimal("20.00"), START.minusSeconds(60), null, null, false)).toList();
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(2), file, (read, imported, rejected) -> { });
        assertThat(summary.purchases()).isEqualTo(6);
        assertThat(borrowed.get() - before).as("one series: the check of the caller, then three batches")
                .isEqualTo(1);
    }

    private static List<AuditEntry> entries(UUID target, int from, int count) {
        Instant t0 = SalesFixtures.T0;
        return IntStream.range(from, from + count).mapToObj(i -> AuditEntry.of(
                Clock.fixed(t0.plusSeconds(i), ZoneOffset.UTC), Actor.system("batch-" + i), "audit.series", "audit",
                target, AuditOutcome.SUCCESS)).toList();
    }

    private static List<AuditEntry> concat(List<AuditEntry> a, List<AuditEntry> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    /**
     * The data source, counting the connections it hands out and closes, the statements prepared and closed on them,
     * and the statements prepared with the text of a full chunk.
     */
    private DataSource counting(DataSource target) {
        return proxy(DataSource.class, target, (method, args, result) -> {
            if (method.equals("getConnection")) {
                borrowed.incrementAndGet();
                return proxy(Connection.class, result, (m, a, r) -> {
                    if (m.equals("close")) {
                        closed.incrementAndGet();
                    } else if (m.equals("prepareStatement")) {
                        prepared.incrementAndGet();
                        if (((String) a[0]).split("\\),\\(", -1).length == MultiRowInsert.CHUNK) {
                            fullChunks.incrementAndGet();
                        }
                        return proxy(PreparedStatement.class, r, (sm, sa, sr) -> {
                            if (sm.equals("close")) {
                                statementsClosed.incrementAndGet();
                            }
                            return sr;
                        });
                    }
                    return r;
                });
            }
            return result;
        });
    }

    /** What a proxy does after the call: gets its name, arguments and result, returns what the caller gets. */
    private interface After {
        Object apply(String method, Object[] args, Object result);
    }

    private static <T> T proxy(Class<T> type, Object target, After after) {
        return type.cast(Proxy.newProxyInstance(UnitOfWorkSeriesIT.class.getClassLoader(), new Class<?>[] {type},
                (p, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(target, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    return after.apply(method.getName(), args, result);
                }));
    }
}
