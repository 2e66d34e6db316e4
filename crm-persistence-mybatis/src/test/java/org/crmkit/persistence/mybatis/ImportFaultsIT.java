package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales import on MySQL while the connection drops (issue 17): a dropped connection during a look-up or while a
 * batch is stored stops the import with {@code persistence_failure}; no order is stored in part, the batches before
 * the fault stay stored, and running the same file again completes the import, its loyalty ledger sound.
 */
class ImportFaultsIT {
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-02T11:30:00Z");
    private static final Instant T3 = Instant.parse("2026-02-03T09:15:00Z");

    private FaultyDataSource faults;
    private LoyaltyWorld world;
    private CustomerView carol;
    private ProductView pen;
    private ProductView cup;
    private ProductView ink;

    @BeforeEach
    void setUp() {
        TestDatabase.get().emptyPersistence();
        faults = new FaultyDataSource(TestDatabase.get().dataSource());
        world = new LoyaltyWorld(MyBatisCrmPersistence.builder(faults).migrate(false).build(),
                LoyaltyProgram.standard(), Instant.parse("2026-03-02T09:00:00Z"), "f");
        carol = world.crm().customers().register(LoyaltyWorld.SYSTEM,
                RegisterCustomerCommand.imported("Carol", "Clark", "carol@example.org", "50001"));
        pen = world.product("PEN", "1.00", null);
        cup = world.product("CUP", "3.00", null);
        ink = world.product("INK", "5.00", null);
    }

    /** The case: one 3-line order while the catalog's look-up fails once. */
    @Test
    void aDroppedConnectionDuringTheProductLookUpStoresNoPartOfTheOrderAndTheRerunImportsItWhole() {
        List<ImportRow> file = List.of(line(2, "7001", 1, pen, 1, T1), line(3, "7001", 2, cup, 2, T1),
                line(4, "7001", 3, ink, 1, T1));
        faults.failStatement("FROM crm_product", 1);

        PersistenceFailureException stopped = catchThrowableOfType(PersistenceFailureException.class,
                () -> world.crm().sales().importSales(world.manager(), options(1_000), file, ImportProgress.none()));

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(stopped.code()).isEqualTo("persistence_failure");
        assertThat(purchases()).as("nothing of the order").isEmpty();

        ImportSummary rerun = world.crm().sales().importSales(world.manager(), options(1_000), file,
                ImportProgress.none());

        assertThat(rerun).extracting(ImportSummary::linesImported, ImportSummary::linesRejected,
                ImportSummary::purchases).containsExactly(3L, 0L, 1L);
        assertThat(purchases()).extracting(PurchaseView::externalReference, p -> p.lines().size())
                .containsExactly(Tuple.tuple("7001", 3));
        assertThat(world.sums(carol.id()).hold()).isTrue();
    }

    /**
     * The connection drops while the second of three batches is stored: the first stays, nothing of the second or
     * the third is stored, the progress listener heard only the first, and the re-run imports the rest, counting the
     * first as already imported; the ledger is sound.
     */
    @Test
    void aDroppedConnectionWhileABatchIsStoredStopsTheImportAndTheRerunCompletesIt() {
        List<ImportRow> file = List.of(line(2, "7101", 1, pen, 1, T1), line(3, "7101", 2, cup, 1, T1),
                line(4, "7102", 1, ink, 1, T2), line(5, "7102", 2, pen, 2, T2), line(6, "7103", 1, cup, 4, T3));
        List<Long> heard = new ArrayList<>();
        faults.failStatement("INSERT INTO crm_purchase\\b", 2);

        PersistenceFailureException stopped = catchThrowableOfType(PersistenceFailureException.class,
                () -> world.crm().sales().importSales(world.manager(), options(1), file,
                        (read, imported, rejected) -> heard.add(imported)));

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(stopped.getMessage()).contains("source line 4").contains("run the same import again");
        assertThat(heard).containsExactly(2L);
        assertThat(purchases()).extracting(PurchaseView::externalReference).containsExactly("7101");

        ImportSummary rerun = world.crm().sales().importSales(world.manager(), options(1), file,
                ImportProgress.none());

        assertThat(rerun).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                ImportSummary::linesRejected, ImportSummary::purchases).containsExactly(3L, 2L, 0L, 2L);
        assertThat(purchases()).extracting(PurchaseView::externalReference, p -> p.lines().size())
                .containsExactly(Tuple.tuple("7103", 1), Tuple.tuple("7102", 2), Tuple.tuple("7101", 2));
        assertThat(world.sums(carol.id()).hold()).isTrue();
    }

    private List<PurchaseView> purchases() {
        return world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(carol.id(),
                PageRequest.first(10))).items();
    }

    private static SalesImportOptions options(int batchSize) {
        return SalesImportOptions.strict("shop", "EUR").withBatchSize(batchSize);
    }

    private static SaleLine line(long at, String order, int number, ProductView product, int quantity,
                                 Instant when) {
        return SaleLine.builder().sourceLine(at).orderReference(order).lineNumber(number).sku(product.sku())
                .description(product.name()).quantity(quantity).unitPrice(product.listPrice().amount())
                .occurredAt(when).customerReference("50001").build();
    }
}
