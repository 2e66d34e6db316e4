package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.product.port.out.ProductRepository;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Optional;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.sales.port.in.UnreadableLine;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk sales import on the in-memory adapter: good, bad and repeated lines, cancellations that become returns
 * (and take their points back), anonymous sales, unknown products and customers created or rejected, batches, the
 * progress callback, and a second run that imports nothing.
 */
class SalesImportTest {
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-02T11:30:00Z");
    private static final Instant T3 = Instant.parse("2026-02-03T09:15:00Z");

    private LoyaltyWorld world;
    private CustomerView alice;
    private ProductView lamp;
    private ProductView mug;

    @BeforeEach
    void setUp() {
        world = new LoyaltyWorld(InMemoryCrmPersistence.create(), LoyaltyProgram.standard(),
                Instant.parse("2026-03-02T09:00:00Z"), "i");
        alice = world.crm().customers().register(LoyaltyWorld.SYSTEM, new RegisterCustomerCommand("Alice", "Anders",
                "alice@example.org", null, null, null, null,
                org.crmkit.core.customer.CustomerSource.REFERRAL, "17850", false));
        lamp = world.product("LAMP", "20.00", null);
        mug = world.product("MUG", "2.50", null);
    }

    private static SaleLine sale(long at, String order, int line, String sku, int quantity, String price, Instant when,
                                 String customer) {
        return new SaleLine(at, order, line, sku, "described " + sku, quantity, new BigDecimal(price), when, customer,
                "United Kingdom", order.startsWith("C"));
    }

    private List<ImportRow> file() {
        return List.of(
                sale(2, "1001", 1, lamp.sku(), 3, "20.00", T1, "17850"),
                sale(3, "1001", 2, mug.sku(), 4, "2.50", T1, "17850"),
                sale(4, "1002", 1, mug.sku(), 2, "2.50", T2, null),                  // anonymous
                sale(5, "1003", 1, "NO-SUCH-SKU", 1, "9.99", T2, "17850"),          // unknown product
                sale(6, "1003", 2, lamp.sku(), -1, "20.00", T2, "17850"),           // negative outside a return
                new UnreadableLine(7, "occurredAt", "must be a date and time as M/d/yyyy H:mm"),
                sale(8, "1004", 1, lamp.sku(), 1, "20.00", T2, "99999"),            // unknown customer
                sale(9, "1005", 1, mug.sku(), 1, "2.555555", T2, "17850"),          // too many decimals
                sale(10, "C2001", 1, lamp.sku(), -2, "20.00", T3, "17850"),          // cancellation: a return
                sale(11, "C2002", 1, mug.sku(), -9, "2.50", T3, "17850"));           // more than was bought
    }

    @Test
    void goodLinesAreImportedBadOnesReportedAndTheSummaryAgreesWithTheStore() {
        List<long[]> progress = new ArrayList<>();

        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(2), file(),
                (read, imported, rejected) -> progress.add(new long[] {read, imported, rejected}));

        assertThat(summary.linesRead()).isEqualTo(10);
        assertThat(summary.rejected()).as("in source order").containsExactly(
                new RejectedLine(5, "sku", "no product has this SKU"),
                new RejectedLine(6, "quantity", "is negative outside a cancellation"),
                new RejectedLine(7, "occurredAt", "must be a date and time as M/d/yyyy H:mm"),
                new RejectedLine(8, "customerReference", "no customer holds this reference"),
                new RejectedLine(9, "unitPrice", "must have at most 4 decimal places"),
                new RejectedLine(11, "quantity",
                        "no earlier purchase of this customer holds that many of the SKU to take back"));
        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                        ImportSummary::linesRejected, ImportSummary::purchases, ImportSummary::returns)
                .containsExactly(4L, 0L, 6L, 2L, 1L);
        assertThat(progress).as("one report per batch, the last one with the totals").isNotEmpty();
        assertThat(progress.get(progress.size() - 1)).containsExactly(10, 4, 6);

        List<PurchaseView> history = world.crm().sales().history(world.manager(),
                new PurchaseHistoryQuery(alice.id(), PageRequest.first(10))).items();
        assertThat(history).singleElement().satisfies(p -> {
            assertThat(p.externalReference()).isEqualTo("1001");
            assertThat(p.source()).isEqualTo("shop");
            assertThat(p.occurredAt()).isEqualTo(T1);
            assertThat(p.lines()).extracting(l -> l.quantity(), l -> l.returned())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3, 2),
                            org.assertj.core.groups.Tuple.tuple(4, 0));
            assertThat(p.returns()).singleElement().satisfies(r -> assertThat(r.reference())
                    .isEqualTo("4:shop:C2001#1"));
        });
        List<LedgerEntryView> ledger = world.statement(alice.id()).entries().items();
        assertThat(ledger).extracting(LedgerEntryView::kind, LedgerEntryView::points).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EntryKind.CLAWBACK, -40L),
                org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, 70L));
        assertThat(world.sums(alice.id()).hold()).isTrue();
    }

    @Test
    void aSecondRunOfTheSameFileImportsNothingTwice() {
        SalesImportOptions options = SalesImportOptions.strict("shop", "EUR").withBatchSize(3);
        world.crm().sales().importSales(world.manager(), options, file(), (r, i, j) -> { });
        long balance = world.statement(alice.id()).account().balance();

        ImportSummary again = world.crm().sales().importSales(world.manager(), options, file(), (r, i, j) -> { });

        assertThat(again).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                        ImportSummary::linesRejected, ImportSummary::purchases, ImportSummary::returns)
                .containsExactly(0L, 4L, 6L, 0L, 0L);
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(balance);
        assertThat(world.statement(alice.id()).entries().items()).hasSize(2);
    }

    /**
     * A line whose quantity times unit price is past the largest amount a purchase may store is rejected naming its
     * quantity, and its order's other lines with it (an order is stored whole or not at all); an order whose lines
     * add up past it is rejected line by line, naming the order; the rest of the batch (the largest amount a
     * purchase may hold among it) is imported, in one batch as in many.
     */
    @ParameterizedTest(name = "batches of {0} lines")
    @ValueSource(ints = {1, 1_000})
    void aLineOrAnOrderPastTheLargestAmountIsRejectedWithItsLineAndTheRestImported(int batchSize) {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(batchSize), List.of(
                        sale(2, "3001", 1, lamp.sku(), 2, "600000000000000", T1, "17850"),      // 1.2 x 10^15
                        sale(3, "3001", 2, mug.sku(), 1, "2.50", T1, "17850"),
                        sale(4, "3002", 1, lamp.sku(), 1, "600000000000000", T1, "17850"),
                        sale(5, "3002", 2, mug.sku(), 1, "600000000000000", T1, "17850"),      // together
                        sale(6, "3003", 1, lamp.sku(), 1, "999999999999999.9999", T2, "17850")),
                (r, i, j) -> { });

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(2, "quantity", "times the unit price exceeds the largest amount (15 integer digits)"),
                new RejectedLine(3, "orderReference",
                        "not imported: the order is stored whole or not at all, and its line 2 was rejected"),
                new RejectedLine(4, "orderReference",
                        "the lines add up to more than the largest amount (15 integer digits)"),
                new RejectedLine(5, "orderReference",
                        "the lines add up to more than the largest amount (15 integer digits)"));
        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::linesRejected,
                ImportSummary::purchases).containsExactly(1L, 4L, 1L);
        assertThat(world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(alice.id(),
                PageRequest.first(10))).items()).extracting(PurchaseView::externalReference,
                p -> p.total().amount().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("3003", "999999999999999.9999"));
    }

    /**
     * One line of an order names no product: none of the order is stored (the other lines name it), so that once the
     * product exists the same file imports the order whole, instead of refusing it as imported before with other
     * lines.
     */
    @Test
    void anOrderWithARejectedLineIsNotStoredInPartAndTheCorrectedFileImportsItWhole() {
        List<ImportRow> file = List.of(
                sale(2, "5001", 1, lamp.sku(), 1, "20.00", T1, "17850"),
                sale(3, "5001", 2, "LATE-I", 2, "4.00", T1, "17850"),          // no product yet
                sale(4, "5001", 3, mug.sku(), 1, "2.50", T1, "17850"));

        ImportSummary first = world.crm().sales().importSales(world.manager(), SalesImportOptions.strict("shop", "EUR"),
                file, ImportProgress.none());

        String why = "not imported: the order is stored whole or not at all, and its line 3 was rejected";
        assertThat(first.rejected()).containsExactly(new RejectedLine(2, "orderReference", why),
                new RejectedLine(3, "sku", "no product has this SKU"), new RejectedLine(4, "orderReference", why));
        assertThat(history(alice.id())).as("nothing of the order").isEmpty();

        assertThat(world.product("LATE", "4.00", null).sku()).isEqualTo("LATE-I");
        ImportSummary second = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), file, ImportProgress.none());

        assertThat(second).extracting(ImportSummary::linesImported, ImportSummary::linesRejected,
                ImportSummary::purchases).containsExactly(3L, 0L, 1L);
        assertThat(history(alice.id())).singleElement().satisfies(p -> assertThat(p.lines()).hasSize(3));
    }

    /**
     * The reader refuses a line on its own (a negative quantity in a sale): its order's other lines are not stored
     * without it either.
     */
    @Test
    void aLineTheReaderRefusesKeepsItsOrdersOtherLinesOut() {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), List.of(
                        sale(2, "5101", 1, lamp.sku(), 1, "20.00", T1, "17850"),
                        sale(3, "5101", 2, mug.sku(), -1, "2.50", T1, "17850"),
                        sale(4, "5102", 1, mug.sku(), 1, "2.50", T1, "17850")), ImportProgress.none());

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(2, "orderReference",
                        "not imported: the order is stored whole or not at all, and its line 3 was rejected"),
                new RejectedLine(3, "quantity", "is negative outside a cancellation"));
        assertThat(history(alice.id())).extracting(PurchaseView::externalReference).containsExactly("5102");
    }

    /** A negative unit price is rejected naming the unit price, not the order. */
    @Test
    void aNegativeUnitPriceIsRejectedNamingTheUnitPrice() {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), List.of(
                        sale(2, "5201", 1, lamp.sku(), 1, "-20.00", T1, "17850")), ImportProgress.none());

        assertThat(summary.rejected()).containsExactly(new RejectedLine(2, "unitPrice", "must not be negative"));
        assertThat(history(alice.id())).isEmpty();
    }

    /**
     * The catalog's look-up fails once (a dropped connection): the import stops with {@code persistence_failure}
     * instead of rejecting the lines for it, the batches before are stored, nothing of the failing batch or after
     * it is, and the same file run again completes the import, counting what is stored as already imported.
     */
    @Test
    void aStorageFailureStopsTheImportWithNothingOfTheFailingBatchStoredAndARerunCompletesIt() {
        CrmPersistence memory = InMemoryCrmPersistence.create();
        AtomicInteger lookups = new AtomicInteger();
        ProductRepository real = memory.port(ProductRepository.class).orElseThrow();
        ProductRepository failingOnce = (ProductRepository) Proxy.newProxyInstance(
                ProductRepository.class.getClassLoader(), new Class<?>[] {ProductRepository.class},
                (proxy, method, args) -> {
                    // the second batch's look-up of its new SKU fails once
                    if (method.getName().equals("findBySkus") && lookups.incrementAndGet() == 2) {
                        throw new PersistenceFailureException("connection lost", new IllegalStateException("08S01"));
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        CrmPersistence faulty = new CrmPersistence() {
            @Override
            public UnitOfWork unitOfWork() {
                return memory.unitOfWork();
            }

            @Override
            public <P> Optional<P> port(Class<P> type) {
                return type == ProductRepository.class ? Optional.of(type.cast(failingOnce)) : memory.port(type);
            }
        };
        LoyaltyWorld faultyWorld = new LoyaltyWorld(faulty, LoyaltyProgram.standard(),
                Instant.parse("2026-03-02T09:00:00Z"), "f");
        CustomerView bob = faultyWorld.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand
                .imported("Bob", "Brown", "bob@example.org", "40001"));
        ProductView pen = faultyWorld.product("PEN", "1.00", null);
        ProductView cup = faultyWorld.product("CUP", "3.00", null);
        ProductView ink = faultyWorld.product("INK", "5.00", null);
        List<ImportRow> file = List.of(
                sale(2, "6001", 1, pen.sku(), 1, "1.00", T1, "40001"),
                sale(3, "6001", 2, cup.sku(), 1, "3.00", T1, "40001"),
                sale(4, "6002", 1, ink.sku(), 1, "5.00", T2, "40001"),
                sale(5, "6002", 2, pen.sku(), 2, "1.00", T2, "40001"),
                sale(6, "6003", 1, cup.sku(), 1, "3.00", T3, "40001"));
        List<long[]> heard = new ArrayList<>();
        SalesImportOptions byOrder = SalesImportOptions.strict("shop", "EUR").withBatchSize(1);

        PersistenceFailureException stopped = catchThrowableOfType(PersistenceFailureException.class,
                () -> faultyWorld.crm().sales().importSales(faultyWorld.manager(), byOrder, file,
                        (read, imported, rejected) -> heard.add(new long[] {read, imported, rejected})));

        assertThat(stopped.getMessage()).contains("source line 4").contains("2 lines imported")
                .contains("run the same import again");
        assertThat(heard).as("the first batch was heard, nothing after it").hasSize(1);
        assertThat(heard.get(0)[1]).isEqualTo(2);
        Sales sales = faultyWorld.crm().sales();
        assertThat(sales.history(faultyWorld.manager(), new PurchaseHistoryQuery(bob.id(), PageRequest.first(10)))
                .items()).extracting(PurchaseView::externalReference).containsExactly("6001");

        ImportSummary rerun = sales.importSales(faultyWorld.manager(), byOrder, file, ImportProgress.none());

        assertThat(rerun).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                ImportSummary::linesRejected, ImportSummary::purchases).containsExactly(3L, 2L, 0L, 2L);
        assertThat(sales.history(faultyWorld.manager(), new PurchaseHistoryQuery(bob.id(), PageRequest.first(10)))
                .items()).extracting(PurchaseView::externalReference, p -> p.lines().size())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("6003", 1),
                        org.assertj.core.groups.Tuple.tuple("6002", 2), org.assertj.core.groups.Tuple.tuple("6001", 2));
    }

    @Test
    void withTheOptionsUnknownProductsAndCustomersAreCreatedAsTheCaller() {
        var importer = TestStaff.enrol(world.crm(), StaffId.next(world.clock()), Role.SALES_MANAGER,
                Role.PRODUCT_MANAGER);
        ImportSummary summary = world.crm().sales().importSales(importer,
                SalesImportOptions.strict("shop", "EUR").creatingUnknown(), List.of(
                        sale(2, "1003", 1, "NEW-SKU", 1, "9.99", T2, "17850"),
                        sale(3, "1004", 1, lamp.sku(), 1, "20.00", T2, "99999.0".replace(".0", ""))),
                (r, i, j) -> { });

        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::productsCreated,
                ImportSummary::customersCreated).containsExactly(2L, 1L, 1L);
        ProductView created = world.crm().products().findBySku(world.manager(), "NEW-SKU").orElseThrow();
        assertThat(created.name()).isEqualTo("described NEW-SKU");
        CustomerView newcomer = world.crm().customers().findByExternalReference(world.manager(), "99999")
                .orElseThrow();
        assertThat(newcomer.email()).endsWith(".invalid");
        assertThat(newcomer.source()).isEqualTo(org.crmkit.core.customer.CustomerSource.IMPORT);
        assertThat(world.persistence().unitOfWork().inTransaction(() -> world.persistence().auditLog()
                .findByTarget("product", created.id().value()))).singleElement()
                .satisfies(e -> assertThat(e.actorRef()).isEqualTo(importer.reference()));
    }

    @Test
    void creatingProductsNeedsTheCatalogPermissionToo() {
        assertThatThrownBy(() -> world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").creatingUnknown(), file(), (r, i, j) -> { }))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.getMessage()).contains("PRODUCT_MANAGE"));
        assertThat(history(alice.id())).isEmpty();
        assertThat(world.crm().products().findBySku(world.manager(), "NO-SUCH-SKU")).isEmpty();
    }

    @Test
    void anOrderImportedBeforeWithOtherLinesIsRejectedNotChanged() {
        SalesImportOptions options = SalesImportOptions.strict("shop", "EUR");
        world.crm().sales().importSales(world.manager(), options,
                List.of(sale(2, "1001", 1, lamp.sku(), 3, "20.00", T1, "17850")), (r, i, j) -> { });

        ImportSummary changed = world.crm().sales().importSales(world.manager(), options,
                List.of(sale(2, "1001", 1, lamp.sku(), 5, "20.00", T1, "17850")), (r, i, j) -> { });

        assertThat(changed.rejected()).containsExactly(new RejectedLine(2, "orderReference",
                "was imported before with other lines"));
        assertThat(history(alice.id()).get(0).lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void anImportInsideAnotherTransactionIsRefusedAndWritesNothing() {
        assertThatThrownBy(() -> world.persistence().unitOfWork().inTransaction(() -> world.crm().sales()
                .importSales(world.manager(), SalesImportOptions.strict("shop", "EUR"), file(), (r, i, j) -> { })))
                .isInstanceOfSatisfying(org.crmkit.core.shared.BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("import_needs_own_transactions"));
        assertThat(history(alice.id())).isEmpty();
    }

    @Test
    void onlySalesManagersImportAndBadOptionsChangeNothing() {
        var rep = TestStaff.enrol(world.crm(), StaffId.next(world.clock()), Role.SALES_REP);

        assertThatThrownBy(() -> world.crm().sales().importSales(rep, SalesImportOptions.strict("shop", "EUR"),
                file(), (r, i, j) -> { })).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> world.crm().sales().importSales(world.manager(),
                new SalesImportOptions("shop", "EUR", null, null, SalesImportOptions.UnknownCustomers.REJECT, 0),
                file(), (r, i, j) -> { }))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.errors())
                        .extracting(org.crmkit.core.shared.FieldError::field)
                        .containsExactlyInAnyOrder("channel", "unknownProducts", "batchSize"));
        assertThatThrownBy(() -> world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "XYZ"), file(), (r, i, j) -> { }))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.errors())
                        .extracting(org.crmkit.core.shared.FieldError::field).containsExactly("currency"));
        assertThat(history(alice.id())).isEmpty();
    }

    @Test
    void linesTheCatalogOrMoneyCouldNeverHoldAreRejectedOneByOneAndTheRestIsImported() {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), List.of(
                        sale(2, "1001", 1, "BANK CHARGES", 1, "15.00", T1, "17850"),
                        new SaleLine(3, "1002", 1, mug.sku(), null, 1, new BigDecimal("1E+2147483647"), T1, "17850",
                                null, false),
                        sale(4, "1003", 1, lamp.sku(), 1, "20.00", T1.plusSeconds(86_400L * 400), "17850"),
                        sale(5, "1004", 1, lamp.sku(), 1, "20.00", T2, "17850")),
                (r, i, j) -> { });

        assertThat(summary.rejected()).extracting(RejectedLine::sourceLine, RejectedLine::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "sku"),
                        org.assertj.core.groups.Tuple.tuple(3L, "unitPrice"),
                        org.assertj.core.groups.Tuple.tuple(4L, "occurredAt"));
        assertThat(summary.purchases()).isEqualTo(1);
        assertThat(history(alice.id())).extracting(PurchaseView::externalReference).containsExactly("1004");
    }

    /**
     * The text rule of every command holds for import lines too (issue 17, finding 7): an unpaired surrogate or a
     * control character in the order reference, SKU, customer reference or description rejects the line naming the
     * field, and no text is stored altered.
     */
    @Test
    void aLineWithAnUnpairedSurrogateOrAControlCharacterIsRejectedNamingItsField() {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), List.of(
                        sale(2, "5301\uD800", 1, lamp.sku(), 1, "20.00", T1, "17850"),
                        sale(3, "5302", 1, lamp.sku() + "\u0007", 1, "20.00", T1, "17850"),
                        sale(4, "5303", 1, lamp.sku(), 1, "20.00", T1, "17850\uDC00"),
                        new SaleLine(5, "5304", 1, lamp.sku(), "Lamp\u001B[31m", 1, new BigDecimal("20.00"), T1,
                                "17850", null, false),
                        sale(6, "5305", 1, lamp.sku(), 1, "20.00", T2, "17850")), ImportProgress.none());

        assertThat(summary.rejected()).extracting(RejectedLine::sourceLine, RejectedLine::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "orderReference"),
                        org.assertj.core.groups.Tuple.tuple(3L, "sku"),
                        org.assertj.core.groups.Tuple.tuple(4L, "customerReference"),
                        org.assertj.core.groups.Tuple.tuple(5L, "description"));
        assertThat(history(alice.id())).extracting(PurchaseView::externalReference).containsExactly("5305");
    }

    @ParameterizedTest(name = "batches of {0} lines")
    @ValueSource(ints = {1, 1_000})
    void oneCustomersPurchasesAndCancellationsInOneBatchPostInTheFilesOrder(int batchSize) {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(batchSize), List.of(
                        sale(2, "1001", 1, lamp.sku(), 50, "20.00", T1, "17850"),   // 1,000 points: SILVER
                        sale(3, "1002", 1, mug.sku(), 4, "2.50", T1, "17850"),      // 11 at SILVER
                        sale(4, "C1", 1, lamp.sku(), -1, "20.00", T2, "17850"),     // -20 from 1001: BRONZE
                        sale(5, "1003", 1, mug.sku(), 4, "2.50", T2, "17850"),      // 10 at BRONZE
                        sale(6, "C2", 1, mug.sku(), -2, "2.50", T3, "17850"),       // -5 from 1003, the latest
                        sale(7, "C3", 1, lamp.sku(), -1, "20.00", T3, "17850"),     // from 1001: 1004 comes later
                        sale(8, "1004", 1, lamp.sku(), 2, "20.00", T3, "17850")),   // 40 at BRONZE: SILVER again
                (r, i, j) -> { });

        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::linesRejected,
                ImportSummary::purchases, ImportSummary::returns).containsExactly(7L, 0L, 4L, 3L);
        java.util.Map<String, String> names = new java.util.HashMap<>();
        java.util.Map<String, String> returned = new java.util.LinkedHashMap<>();
        for (PurchaseView p : history(alice.id())) {
            names.put(p.id().toString(), p.externalReference());
            p.returns().forEach(r -> names.put(r.id().toString(), r.reference()));
            returned.put(p.externalReference(), p.lines().get(0).returned() + " of " + p.lines().get(0).quantity());
        }
        assertThat(returned).as("newest first").containsExactly(java.util.Map.entry("1004", "0 of 2"),
                java.util.Map.entry("1003", "2 of 4"), java.util.Map.entry("1002", "0 of 4"),
                java.util.Map.entry("1001", "2 of 50"));
        // newest first in the order they were posted, the file's: 1001, 1002, C1, 1003, C2, C3, 1004 (so each
        // balance after is the one below plus the points, though the claw-backs took effect now)
        assertThat(world.statement(alice.id()).entries().items()).extracting(LedgerEntryView::kind,
                        e -> names.get(e.reference()), LedgerEntryView::points, LedgerEntryView::balanceAfter)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, "1004", 40L, 1016L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.CLAWBACK, "4:shop:C3#1", -20L, 976L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.CLAWBACK, "4:shop:C2#1", -5L, 996L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, "1003", 10L, 1001L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.CLAWBACK, "4:shop:C1#1", -20L, 991L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, "1002", 11L, 1011L),
                        org.assertj.core.groups.Tuple.tuple(EntryKind.EARN, "1001", 1_000L, 1_000L));
        assertThat(world.statement(alice.id()).account()).extracting(a -> a.tier(), a -> a.balance(),
                a -> a.earnedInWindow()).containsExactly("SILVER", 1_016L, 1_016L);
        assertThat(world.sums(alice.id()).hold()).isTrue();
    }

    @Test
    void aCancellationDoesNotTakeBackFromAPurchaseThatComesAfterItInTheSameBatch() {
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR"), List.of(
                        sale(2, "C1", 1, lamp.sku(), -1, "20.00", T2, "17850"),
                        sale(3, "1001", 1, lamp.sku(), 3, "20.00", T1, "17850")),
                (r, i, j) -> { });

        assertThat(summary.rejected()).containsExactly(new RejectedLine(2, "quantity",
                "no earlier purchase of this customer holds that many of the SKU to take back"));
        assertThat(history(alice.id())).singleElement().satisfies(p -> assertThat(p.returns()).isEmpty());
        assertThat(world.statement(alice.id()).account().balance()).isEqualTo(60);
    }

    /**
     * Issue 17, finding 2: what an order earns depends on the file and on the data as of the order, not on when the
     * import runs. The same orders (a purchase that reaches SILVER, one back-dated before it, a cancellation, and
     * purchases after it) imported in one run, or in two runs with the clock moved on so far that the first run's
     * points have left the tier window of the second run's now, earn the same points entry by entry; only the tier
     * the account shows, evaluated as of each run's now, differs.
     */
    @Test
    void theSameOrdersImportedInOneRunOrInTwoRunsDaysApartEarnTheSamePoints() {
        LoyaltyProgram monthly = LoyaltyProgram.builder().tierWindow(java.time.Period.ofDays(30)).build();
        Instant start = Instant.parse("2026-02-05T09:00:00Z");
        List<ImportRow> first = List.of(
                sale(2, "2001", 1, "LAMP", 50, "20.00", T1, "ref-A"),                             // 1,000: SILVER
                sale(3, "2002", 1, "MUG", 4, "2.50", T1.plusSeconds(3600), "ref-A"),              // 11 at SILVER
                sale(4, "2003", 1, "MUG", 4, "2.50", Instant.parse("2026-01-10T10:00:00Z"), "ref-A")); // BRONZE
        List<ImportRow> second = List.of(
                sale(5, "2004", 1, "LAMP", 2, "20.00", T2, "ref-A"),                              // 44 at SILVER
                sale(6, "C2001", 1, "LAMP", -1, "20.00", T3, "ref-A"),                            // -22 of 2004
                sale(7, "2005", 1, "MUG", 4, "2.50", T3, "ref-A"));                               // 11 at SILVER

        Shop once = shop(monthly, start);
        importOf(once, first, second);
        Shop twice = shop(monthly, start);
        importOf(twice, first);
        twice.world().moveTo(Instant.parse("2026-03-20T09:00:00Z"));
        importOf(twice, second);

        List<String> ledger = postings(once);
        assertThat(postings(twice)).isEqualTo(ledger);
        assertThat(ledger).containsExactly("EARN 11 balance 1054", "CLAWBACK -22 balance 1043",
                "EARN 44 balance 1065", "EARN 10 balance 1021", "EARN 11 balance 1011", "EARN 1000 balance 1000");
        assertThat(account(once)).as("as of the one run's now").isEqualTo("SILVER 1054");
        assertThat(account(twice)).as("as of the second run's now: the window has passed").isEqualTo("BRONZE 0");
    }

    /** A shop of its own: a world, its customer Ada (reference {@code ref-A}) and the SKUs LAMP and MUG. */
    private record Shop(LoyaltyWorld world, CustomerId ada) {
    }

    private static Shop shop(LoyaltyProgram program, Instant start) {
        LoyaltyWorld w = new LoyaltyWorld(InMemoryCrmPersistence.create(), program, start, "r");
        CustomerView ada = w.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand
                .imported("Ada", "Buyer", "ada.r@example.org", "ref-A"));
        w.crm().products().create(LoyaltyWorld.SYSTEM, new org.crmkit.core.product.port.in.CreateProductCommand(
                "LAMP", "Lamp", null, null, new BigDecimal("20.00"), "EUR"));
        w.crm().products().create(LoyaltyWorld.SYSTEM, new org.crmkit.core.product.port.in.CreateProductCommand(
                "MUG", "Mug", null, null, new BigDecimal("2.50"), "EUR"));
        return new Shop(w, ada.id());
    }

    @SafeVarargs
    private static void importOf(Shop shop, List<ImportRow>... files) {
        LoyaltyWorld w = shop.world();
        List<ImportRow> rows = new ArrayList<>();
        for (List<ImportRow> file : files) {
            rows.addAll(file);
        }
        ImportSummary summary = w.crm().sales().importSales(w.manager(), SalesImportOptions.strict("shop", "EUR"),
                rows, (r, i, j) -> { });
        assertThat(summary.linesRejected()).isZero();
    }

    private static List<String> postings(Shop shop) {
        return shop.world().statement(shop.ada()).entries().items().stream().map(e -> e.kind() + " " + e.points()
                + " balance " + e.balanceAfter()).toList();
    }

    private static String account(Shop shop) {
        org.crmkit.core.loyalty.port.in.LoyaltyStatement s = shop.world().statement(shop.ada());
        return s.account().tier() + " " + s.account().earnedInWindow();
    }

    private List<PurchaseView> history(CustomerId customer) {
        return world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(customer,
                PageRequest.first(10))).items();
    }
}
