package org.crmkit.persistence.mybatis;

import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.sales.port.out.PurchaseRepository;
import org.crmkit.core.loyalty.internal.store.LoyaltyStore;
import org.crmkit.core.sales.internal.store.PurchaseStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.crmkit.core.contract.LoyaltyFixtures;
import org.crmkit.core.contract.SalesFixtures;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.persistence.mybatis.internal.support.MultiRowInsert;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bulk paths ({@link MultiRowInsert}) on the MySQL-compatible server: one short of a chunk of
 * {@value MultiRowInsert#CHUNK} rows, a chunk, one more and two chunks and one, every row is stored once, with its
 * values, and read back in chunks as large.
 */
class MultiRowInsertChunksIT {
    private static final Instant T0 = SalesFixtures.T0;

    /** @return one short of a chunk, a chunk, one more, two chunks and one */
    static IntStream aroundChunks() {
        return IntStream.of(MultiRowInsert.CHUNK - 1, MultiRowInsert.CHUNK, MultiRowInsert.CHUNK + 1,
                2 * MultiRowInsert.CHUNK + 1);
    }

    /**
     * Through {@code AuditLog.appendAll}, with the driver rewriting batches and without: either way one statement per
     * chunk.
     */
    @ParameterizedTest(name = "{0} rows, rewriteBatchedStatements={1}")
    @CsvSource({"1, true", "499, true", "500, true", "501, true", "1001, true",
            "1, false", "499, false", "500, false", "501, false", "1001, false"})
    void auditEntriesAppendedTogetherAreEachStoredOneStatementAChunkWhateverTheDriverSetting(int rows, boolean rewrite)
            throws SQLException {
        TestDatabase database = TestDatabase.get();
        database.emptyPersistence();
        DataSource dataSource = database.dataSource(rewrite);
        MyBatisCrmPersistence persistence = MyBatisCrmPersistence.builder(dataSource).migrate(false).build();
        UUID target = UUID.randomUUID();
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            entries.add(AuditEntry.of(Clock.fixed(T0.plusSeconds(i), ZoneOffset.UTC), Actor.system("import-" + i),
                    "purchase.record", "purchase", target, i % 2 == 0 ? AuditOutcome.SUCCESS : AuditOutcome.DENIED));
        }

        long insertsBefore = inserts(dataSource);
        persistence.unitOfWork().inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().appendAll(entries));
        long inserts = inserts(dataSource) - insertsBefore;

        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().findByTarget("purchase",
                target))).as("oldest first").containsExactlyElementsOf(entries);
        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(AuditLog.class).orElseThrow().count())).isEqualTo(rows);
        assertThat(inserts).isEqualTo((rows + MultiRowInsert.CHUNK - 1) / MultiRowInsert.CHUNK);
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("aroundChunks")
    void purchasesAddedTogetherAreEachStoredWithTheirLines(int rows) {
        MyBatisCrmPersistence persistence = TestDatabase.get().emptyPersistence();
        ProductId product = SalesFixtures.storedProduct(new AreaPorts(persistence)).id();
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            purchases.add(SalesFixtures.purchase(null, T0.plusSeconds(i), List.of(SalesFixtures.line(1, product,
                    i + 1, Money.of(i + ".25", "EUR")))));
        }

        persistence.unitOfWork().inTransaction(() -> new PurchaseStore(persistence.port(PurchaseRepository.class).orElseThrow()).addAll(purchases));

        Map<String, Purchase> found = persistence.unitOfWork().inTransaction(() -> new PurchaseStore(persistence.port(PurchaseRepository.class).orElseThrow())
                .findByReferences(SalesFixtures.SOURCE, purchases.stream()
                        .map(p -> p.snapshot().externalReference()).toList()));
        assertThat(found).hasSize(rows);
        for (Purchase purchase : purchases) {
            assertThat(found.get(purchase.snapshot().externalReference()).snapshot())
                    .isEqualTo(purchase.snapshot());
        }
    }

    @ParameterizedTest(name = "{0} rows")
    @MethodSource("aroundChunks")
    void earningsStoredTogetherAreEachStoredWithTheirLinesAndLotsAndFoundByTheirPairs(int rows) {
        MyBatisCrmPersistence persistence = TestDatabase.get().emptyPersistence();
        ProductId product = SalesFixtures.storedProduct(new AreaPorts(persistence)).id();
        CustomerId customer = LoyaltyFixtures.opened(new AreaPorts(persistence), LoyaltyFixtures.storedCustomer(new AreaPorts(persistence)));
        List<LedgerEntry> earned = new ArrayList<>();
        persistence.unitOfWork().inTransaction(() -> {
            LoyaltyAccount account = new LoyaltyStore(persistence.port(LoyaltyRepository.class).orElseThrow()).lock(customer).orElseThrow();
            for (int i = 0; i < rows; i++) {
                earned.add(LoyaltyFixtures.earn(account, LoyaltyFixtures.id(), PurchaseId.next(LoyaltyFixtures.IDS),
                        T0.plusSeconds(i), T0.plusSeconds(365 * 86_400L), List.of(LoyaltyFixtures.line(1, product,
                                1, i + 1L))));
            }
            new LoyaltyStore(persistence.port(LoyaltyRepository.class).orElseThrow()).updateAll(List.of(account));
        });

        assertThat(persistence.unitOfWork().inTransaction(() -> persistence.port(LoyaltyRepository.class).orElseThrow().findEntries(EntryKind.EARN,
                earned.stream().map(e -> new LoyaltyRepository.EntryKey(customer, e.reference())).toList())))
                .containsExactlyInAnyOrderElementsOf(earned);
        assertThat(persistence.unitOfWork().inTransaction(() -> new LoyaltyStore(persistence.port(LoyaltyRepository.class).orElseThrow()).lock(customer)).orElseThrow()
                .openLots()).hasSize(rows);
        LoyaltyRepository.LedgerSums sums = persistence.unitOfWork().inTransaction(() -> persistence.port(LoyaltyRepository.class).orElseThrow()
                .sums(customer));
        assertThat(sums.hold()).isTrue();
        assertThat(sums.entryCount()).isEqualTo(rows);
        assertThat(sums.balance()).isEqualTo((long) rows * (rows + 1) / 2);
    }

    /** @return the server's count of INSERT statements so far (every session's: the ITs run one at a time) */
    private static long inserts(DataSource dataSource) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Com_insert'")) {
            rs.next();
            return rs.getLong(2);
        }
    }
}
