package org.crmkit.core.sales;

import org.crmkit.core.sales.internal.store.PurchaseStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.sales.PurchaseSnapshot;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the sales use cases: each call is refused with the documented exception naming the field or the rule,
 * and leaves the purchases (of every customer involved, and under every reference used), those customers' loyalty
 * accounts and ledgers (a purchase earns points and a return claws them back), the audit trail and the event stream
 * exactly as they were. A refusal by the access policy writes one {@link AuditOutcome#DENIED} entry by
 * design, and nothing else.
 */
class SalesBadInputTest {
    private static final Actor SYSTEM = Actor.system("sales-bad-input-test");
    private static final String SOURCE = "webshop";
    private static final String NEW_REFERENCE = "NEW-1";
    private static final Instant BOUGHT = Instant.parse("2026-03-01T15:30:00Z");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private Crm crm;
    private AreaPorts store;
    private Sales sales;
    private Actor manager;
    private ProductView shirt;
    private ProductView mug;
    private CustomerView alice;
    private CustomerView bob;
    private PurchaseView alices;
    private PurchaseView anonymousSale;
    /** The customers whose purchases every check compares; a test adds the ones it names besides. */
    private final List<CustomerId> involved = new ArrayList<>();
    /** The references (under {@link #SOURCE}) whose purchases every check compares. */
    private final List<String> references = new ArrayList<>(List.of("ORDER-1", "ORDER-2", "ORDER-3", "ORDER-4",
            NEW_REFERENCE));

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        sales = crm.sales();
        shirt = crm.products().create(SYSTEM, new CreateProductCommand("SHIRT-1", "Shirt", null, null,
                new BigDecimal("19.90"), "EUR"));
        mug = crm.products().create(SYSTEM, new CreateProductCommand("MUG-1", "Mug", null, null,
                new BigDecimal("7.50"), "EUR"));
        alice = register("Alice", "alice@example.org");
        bob = register("Bob", "bob@example.org");
        involved.addAll(List.of(alice.id(), bob.id()));
        alices = sales.recordPurchase(manager, purchase(alice.id(), "ORDER-1", line(1, shirt, 3, "19.90"),
                line(2, mug, 2, "7.50")));
        anonymousSale = sales.recordPurchase(manager, purchase(null, "ORDER-2", line(1, mug, 1, "7.50")));
        sales.recordPurchase(manager, purchase(bob.id(), "ORDER-3", line(1, mug, 1, "7.50")));
        clock.advance(Duration.ofMinutes(1));
        sales.recordPurchase(manager, new RecordPurchaseCommand(bob.id(), BOUGHT.plusSeconds(60), SalesChannel.WEB,
                SOURCE, "ORDER-4", "EUR", List.of(line(1, shirt, 1, "19.90"))));
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
    }

    // ---- quantities and prices -----------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, -1_000_000, Integer.MIN_VALUE})
    void aZeroOrNegativeQuantityIsRefusedNamingTheLinesQuantity(int quantity) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(1, shirt, quantity, "19.90"))));
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly("lines[0].quantity");
        assertThat(e.errors()).hasSize(1);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                newPurchase(line(1, shirt, 1, "19.90"), line(2, mug, quantity, "7.50")))).fields())
                .as("the second line").containsExactly("lines[1].quantity");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {1_000_001, 2_000_000, Integer.MAX_VALUE})
    void aQuantityOverAMillionIsRefusedNamingTheLinesQuantity(int quantity) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(1, shirt, quantity, "19.90"))));
        assertThat(e.fields()).containsExactly("lines[0].quantity");
    }

    @Test
    void aQuantityOfAMillionAndAFreeLineAreAccepted() {
        PurchaseView p = sales.recordPurchase(manager, newPurchase(line(1, shirt, 1_000_000, "19.90"),
                line(2, mug, 1, "0")));
        assertThat(p.total().amount()).isEqualByComparingTo("19900000.00");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"-0.01", "-1", "-19.90", "-0.0001"})
    void aNegativeUnitPriceIsRefusedNamingTheLinesUnitPrice(String price) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(1, shirt, 1, price))));
        assertThat(e.fields()).containsExactly("lines[0].unitPrice");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"1.23456", "0.00001", "19.90001", "1234567890123456", "1E+15"})
    void aUnitPriceWithFiveDecimalsOrSixteenIntegerDigitsIsRefusedNamingTheLinesUnitPrice(String price) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(1, shirt, 1, "19.90"), line(2, mug, 1, price))));
        assertThat(e.fields()).containsExactly("lines[1].unitPrice");
    }

    @Test
    void trailingZerosBeyondFourDecimalsAreNoFifthDecimal() {
        assertThat(sales.recordPurchase(manager, newPurchase(line(1, shirt, 2, "19.900000"))).total().amount())
                .isEqualByComparingTo("39.80").hasScaleOf(2);
    }

    /**
     * Each line is fine (15 integer digits at most, a million at most), but their product is not a storable amount.
     * The purchase must be refused as bad input naming the line, like every other bad line, and write nothing.
     */
    @Test
    void aLineWhoseTotalIsNoStorableAmountIsRefusedNamingTheLine() {
        CrmException e = refusedWithoutEffect(CrmException.class, () -> sales.recordPurchase(manager,
                newPurchase(line(1, shirt, 1_000_000, "999999999999999"))));
        assertThat(e).isInstanceOf(InvalidCommandException.class);
        assertThat(((InvalidCommandException) e).fields()).singleElement().asString().startsWith("lines[0].");
    }

    /** Each line is a storable amount, but the purchase's total is not: refused naming the lines, nothing written. */
    @Test
    void linesWhoseTotalIsNoStorableAmountAreRefusedNamingLines() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(
                manager, newPurchase(line(1, shirt, 1, "999999999999999.9999"), line(2, mug, 1, "0.0001"))));
        assertThat(e.fields()).containsExactly("lines");
        assertThat(e.errors().get(0).message()).contains("largest amount");
        PurchaseView largest = sales.recordPurchase(manager, newPurchase(line(1, shirt, 1, "999999999999999.9998"),
                line(2, mug, 1, "0.0001")));
        assertThat(largest.total().amount().toPlainString()).as("the largest total").isEqualTo("999999999999999.9999");
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"XYZ", "EU1", "E R", "€€€", "   "})
    void anUnknownCurrencyIsRefusedNamingCurrency(String currency) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, withCurrency(newPurchase(line(1, shirt, 1, "19.90")), currency)));
        assertThat(e.fields()).containsExactly("currency");
    }

    @Test
    void aCurrencyThatIsMissingOrNotThreeCharactersIsRefusedNamingCurrency() {
        for (String currency : Arrays.asList(null, "", "EU", "EURO", " EUR ")) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                    withCurrency(newPurchase(line(1, shirt, 1, "19.90")), currency))).fields())
                    .as("\"%s\"", currency).containsExactly("currency");
        }
    }

    // ---- lines ---------------------------------------------------------------------------------------------------

    @Test
    void aPurchaseWithoutLinesIsRefusedNamingLines() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                newPurchase())).fields()).containsExactly("lines");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withLines(newPurchase(), null))).fields()).containsExactly("lines");
    }

    @Test
    void fiveHundredAndOneLinesAreRefusedNamingLinesAndFiveHundredAreAccepted() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                newPurchase(lines(501).toArray(RecordPurchaseCommand.Line[]::new)))).fields())
                .containsExactly("lines");
        PurchaseView most = sales.recordPurchase(manager, newPurchase(lines(500)
                .toArray(RecordPurchaseCommand.Line[]::new)));
        assertThat(most.lines()).hasSize(500);
        assertThat(most.total().amount()).isEqualByComparingTo("3750.00");
    }

    /**
     * Guards a fixed bug, where the duplicate is found by {@code Purchase.record}, which names its own field {@code lines.number};
     * the command's field is {@code lineNumber} (a return's duplicate line is reported as {@code lines.lineNumber}).
     */
    @Test
    void aLineNumberUsedTwiceIsRefusedNamingTheLineNumber() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(1, shirt, 1, "19.90"), line(2, mug, 1, "7.50"),
                        line(1, mug, 2, "7.50"))));
        assertThat(e.fields()).containsExactly("lines.lineNumber");
    }

    /**
     * Guards a fixed bug, where {@code PurchaseLine} names its field {@code lines.number}, so the error reads
     * {@code lines[0].number}, a field the command does not have (it is {@code lineNumber}).
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aLineNumberBelowOneIsRefusedNamingTheLineNumber(int number) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, newPurchase(line(number, shirt, 1, "19.90"))));
        assertThat(e.fields()).containsExactly("lines[0].lineNumber");
    }

    @Test
    void aMissingLineProductOrUnitPriceIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                newPurchase(new RecordPurchaseCommand.Line(1, null, 1, BigDecimal.ONE)))).fields())
                .containsExactly("lines.productId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                newPurchase(new RecordPurchaseCommand.Line(1, shirt.id(), 1, null)))).fields())
                .containsExactly("lines.unitPrice");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withLines(newPurchase(), Arrays.asList(line(1, shirt, 1, "1"), null)))).fields())
                .containsExactly("lines");
    }

    // ---- source, reference, time and channel ---------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "\t\n"})
    void aBlankSourceOrReferenceIsRefusedNamingIt(String blank) {
        RecordPurchaseCommand valid = newPurchase(line(1, shirt, 1, "19.90"));
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withTexts(valid, blank, NEW_REFERENCE))).fields()).containsExactly("source");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withTexts(valid, SOURCE, blank))).fields()).containsExactly("externalReference");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withTexts(valid, null, null))).fields()).containsExactly("externalReference", "source");
    }

    @Test
    void aSourceOver32OrAReferenceOver64CharactersIsRefusedNamingIt() {
        RecordPurchaseCommand valid = newPurchase(line(1, shirt, 1, "19.90"));
        for (int length : new int[] {33, 100}) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                    withTexts(valid, "s".repeat(length), NEW_REFERENCE))).fields()).containsExactly("source");
        }
        for (int length : new int[] {65, 1000}) {
            assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                    withTexts(valid, SOURCE, "r".repeat(length)))).fields()).containsExactly("externalReference");
        }
        PurchaseView longest = sales.recordPurchase(manager, withTexts(valid, "s".repeat(32), "r".repeat(64)));
        assertThat(longest.externalReference()).hasSize(64);
    }

    /**
     * Guards a fixed bug, where {@code RecordPurchaseCommand} bounds the raw texts ({@code @Size(max = 32)}, {@code max = 64}),
     * but the purchase keeps them stripped, so a reference of 64 characters with surrounding spaces (as a form or an
     * export pads it) is refused although what would be stored fits. The catalog's commands leave the limit to the
     * domain, which checks the stripped text (a category name of 100 characters surrounded by spaces is accepted).
     */
    @Test
    void aSourceAndReferenceAtTheirLimitsSurroundedBySpacesAreAccepted() {
        PurchaseView padded = sales.recordPurchase(manager, withTexts(newPurchase(line(1, shirt, 1, "19.90")),
                "  " + "s".repeat(32) + " ", "\t" + "r".repeat(64) + "  "));
        assertThat(padded.source()).isEqualTo("s".repeat(32));
        assertThat(padded.externalReference()).isEqualTo("r".repeat(64));
    }

    @ParameterizedTest(name = "[{index}] U+{0}")
    @ValueSource(ints = {0x00, 0x07, 0x1B, 0x7F, 0x85})
    void aControlCharacterInSourceOrReferenceIsRefusedNamingIt(int control) {
        RecordPurchaseCommand valid = newPurchase(line(1, shirt, 1, "19.90"));
        String c = Character.toString(control);
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withTexts(valid, "web" + c + "shop", NEW_REFERENCE))).fields()).containsExactly("source");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withTexts(valid, SOURCE, "NEW" + c + "1"))).fields()).containsExactly("externalReference");
    }

    @Test
    void aMissingTimeOrChannelIsRefusedNamingThem() {
        RecordPurchaseCommand valid = newPurchase(line(1, shirt, 1, "19.90"));
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withWhenAndWhere(valid, null, SalesChannel.WEB))).fields()).containsExactly("occurredAt");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withWhenAndWhere(valid, BOUGHT, null))).fields()).containsExactly("channel");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager,
                withWhenAndWhere(valid, null, null))).fields()).containsExactly("channel", "occurredAt");
    }

    /**
     * Guards a fixed bug, where {@code StoredTime.bound} refuses a time outside the years 1000 to 9999 with an
     * {@link InvalidValueException} ({@code invalid_value}) that {@code recordPurchase} lets escape, while every other
     * bad field of the command is an {@link InvalidCommandException} ({@code invalid_command}) naming the field.
     */
    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"0999-12-31T23:59:59Z", "-0001-01-01T00:00:00Z", "9999-12-31T00:00:00Z",
            "+10000-01-01T00:00:00Z"})
    void aTimeOutsideTheStorableYearsIsRefusedNamingOccurredAt(String at) {
        CrmException e = refusedWithoutEffect(CrmException.class, () -> sales.recordPurchase(manager,
                withWhenAndWhere(newPurchase(line(1, shirt, 1, "19.90")), Instant.parse(at), SalesChannel.WEB)));
        assertThat(e).as("the same exception as every other bad field").isInstanceOf(InvalidCommandException.class);
        assertThat(((InvalidCommandException) e).fields()).containsExactly("occurredAt");
    }

    /**
     * Guards a fixed bug, where a purchase was checked in rounds: the constraints, then the currency, then the time,
     * then the lines, and the source and reference only once all of those passed.
     */
    @Test
    void everyBadFieldOfAPurchaseIsListedAtOnce() {
        RecordPurchaseCommand command = new RecordPurchaseCommand(alice.id(), BOUGHT.plus(Duration.ofDays(30)), null,
                "s".repeat(33), "NEW\u00071", "XYZ", List.of(line(1, shirt, 0, "19.90"), line(2, mug, 1, "-1")));
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordPurchase(manager, command));
        assertThat(e.fields()).containsExactly("channel", "currency", "externalReference", "lines[0].quantity",
                "lines[1].unitPrice", "occurredAt", "source");
    }

    /** Guards a fixed bug, where a return's own line rules were applied only once the constraints passed. */
    @Test
    void everyBadFieldOfAReturnIsListedAtOnce() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(
                manager, returnOf(alices.id(), -1L, returned(1, 1), returned(1, 0))));
        assertThat(e.fields()).containsExactly("expectedVersion", "lines.lineNumber", "lines.quantity");
    }

    /** Guards a fixed bug, where the import's currency and its other arguments were checked after the options. */
    @Test
    void everyBadArgumentOfAnImportIsListedAtOnce() {
        SalesImportOptions options = new SalesImportOptions(SOURCE, "XYZ", SalesChannel.STORE,
                SalesImportOptions.UnknownProducts.REJECT, SalesImportOptions.UnknownCustomers.REJECT, 0);
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.importSales(manager, options, List.of(), null));
        assertThat(e.fields()).containsExactly("batchSize", "currency", "progress");
    }

    /** Guards a fixed bug, where a null row among the import's rows escaped as a NullPointerException. */
    @Test
    void aNullRowIsRefusedNamingRowsBeforeAnythingIsImported() {
        SalesImportOptions options = SalesImportOptions.strict(SOURCE, "EUR");
        references.addAll(List.of("IMPORT-1", "IMPORT-2"));
        List<ImportRow> rows = Arrays.asList(saleLine(1, "IMPORT-1"), null, saleLine(3, "IMPORT-2"));
        InvalidCommandException listed = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.importSales(manager, options, rows, ImportProgress.none()));
        assertThat(listed.fields()).as("a list is checked before anything is read").containsExactly("rows");
        Iterable<ImportRow> lazily = () -> rows.iterator();
        InvalidCommandException read = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.importSales(manager, options, lazily, ImportProgress.none()));
        assertThat(read.fields()).as("rows read lazily are refused at the null").containsExactly("rows");
    }

    // ---- the records a purchase names ----------------------------------------------------------------------------

    @Test
    void anUnknownProductIsNotFoundEvenOnTheLastLine() {
        ProductId unknown = ProductId.next(clock);
        NotFoundException e = refusedWithoutEffect(NotFoundException.class, () -> sales.recordPurchase(manager,
                newPurchase(line(1, shirt, 1, "19.90"), line(2, mug, 1, "7.50"),
                        new RecordPurchaseCommand.Line(3, unknown, 1, BigDecimal.TEN))));
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("product");
        assertThat(e.id()).isEqualTo(unknown.toString());
    }

    @Test
    void anUnknownCustomerIsNotFound() {
        CustomerId unknown = CustomerId.next(clock);
        involved.add(unknown);
        NotFoundException e = refusedWithoutEffect(NotFoundException.class, () -> sales.recordPurchase(manager,
                withCustomer(newPurchase(line(1, shirt, 1, "19.90")), unknown)));
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("customer");
        assertThat(e.id()).isEqualTo(unknown.toString());
    }

    @Test
    void anErasedCustomerIsRefused() {
        crm.customers().erase(SYSTEM, bob.id());
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> sales.recordPurchase(manager, withCustomer(newPurchase(line(1, shirt, 1, "19.90")), bob.id())));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    @Test
    void aRecordedReferenceWithOtherContentIsADuplicateOnExternalReference() {
        for (RecordPurchaseCommand other : List.of(
                purchase(alice.id(), "ORDER-1", line(1, shirt, 2, "19.90"), line(2, mug, 2, "7.50")),
                purchase(bob.id(), "ORDER-1", line(1, shirt, 3, "19.90"), line(2, mug, 2, "7.50")),
                purchase(alice.id(), "ORDER-2", line(1, mug, 1, "7.50")))) {
            ConflictException e = refusedWithoutEffect(ConflictException.class,
                    () -> sales.recordPurchase(manager, other));
            assertThat(e.code()).isEqualTo("duplicate");
            assertThat(e.field()).isEqualTo("externalReference");
        }
    }

    // ---- returns -------------------------------------------------------------------------------------------------

    @Test
    void aReturnOfALineThePurchaseDoesNotHaveIsRefusedNamingTheLineNumber() {
        for (int number : new int[] {3, 0, -1}) {
            InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                    () -> sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, 1),
                            returned(number, 1))));
            assertThat(e.fields()).as("line %d", number).containsExactly("lines.lineNumber");
        }
    }

    @Test
    void aLineNamedTwiceInAReturnIsRefusedNamingTheLineNumber() {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, 1), returned(2, 1),
                        returned(1, 1))));
        assertThat(e.fields()).containsExactly("lines.lineNumber");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void aReturnQuantityBelowOneIsRefusedNamingTheQuantity(int quantity) {
        InvalidCommandException e = refusedWithoutEffect(InvalidCommandException.class,
                () -> sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, quantity))));
        assertThat(e.fields()).containsExactly("lines.quantity");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                returnOf(alices.id(), null, returned(1, 1), returned(2, quantity)))).fields())
                .containsExactly("lines.quantity");
    }

    @Test
    void aReturnOfMoreThanWasBoughtAndNotYetReturnedBreaksTheRule() {
        for (RecordReturnCommand tooMuch : List.of(returnOf(alices.id(), null, returned(1, 4)),
                returnOf(alices.id(), 0L, returned(2, 3)), returnOf(alices.id(), null, returned(1, Integer.MAX_VALUE)),
                returnOf(alices.id(), null, returned(1, 1), returned(2, 3)))) {
            BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                    () -> sales.recordReturn(manager, tooMuch));
            assertThat(e.code()).isEqualTo("return_exceeds_purchase");
        }
        sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, 2)));
        BusinessRuleViolationException e = refusedWithoutEffect(BusinessRuleViolationException.class,
                () -> sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, 2))));
        assertThat(e.code()).as("one left of three after two").isEqualTo("return_exceeds_purchase");
    }

    @Test
    void aStaleOrNegativeExpectedVersionOfAReturnIsRefused() {
        for (long stale : new long[] {1L, 7L, Long.MAX_VALUE}) {
            ConflictException e = refusedWithoutEffect(ConflictException.class,
                    () -> sales.recordReturn(manager, returnOf(alices.id(), stale, returned(1, 1))));
            assertThat(e.code()).isEqualTo("stale_version");
            assertThat(e.field()).isEqualTo("version");
        }
        sales.recordReturn(manager, returnOf(alices.id(), 0L, returned(1, 1)));
        assertThat(refusedWithoutEffect(ConflictException.class, () -> sales.recordReturn(manager,
                returnOf(alices.id(), 0L, returned(1, 1)))).code()).as("the version before the first return")
                .isEqualTo("stale_version");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                returnOf(alices.id(), -1L, returned(1, 1)))).fields()).containsExactly("expectedVersion");
    }

    @Test
    void aReturnWithoutLinesWithTooManyOrWithoutAPurchaseIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                returnOf(alices.id(), null))).fields()).containsExactly("lines");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                new RecordReturnCommand(alices.id(), null, null))).fields()).containsExactly("lines");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                new RecordReturnCommand(alices.id(), Arrays.asList(returned(1, 1), null), null))).fields())
                .containsExactly("lines");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                returnOf(alices.id(), null, IntStream.rangeClosed(1, 501).mapToObj(n -> returned(n, 1))
                        .toArray(RecordReturnCommand.Line[]::new)))).fields()).containsExactly("lines");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager,
                returnOf(null, null, returned(1, 1)))).fields()).containsExactly("purchaseId");
    }

    @Test
    void aReturnOfAnUnknownPurchaseIsNotFound() {
        PurchaseId unknown = PurchaseId.next(clock);
        NotFoundException e = refusedWithoutEffect(NotFoundException.class,
                () -> sales.recordReturn(manager, returnOf(unknown, null, returned(1, 1))));
        assertThat(e.type()).isEqualTo("purchase");
        assertThat(e.id()).isEqualTo(unknown.toString());
    }

    // ---- loyalty -------------------------------------------------------------------------------------------------

    @Test
    void aRefusedReturnTakesNoPointsBack() {
        assertThat(account(alice.id())).as("ORDER-1 earned 59 + 15 points").map(LoyaltyAccountSnapshot::balance)
                .contains(74L);
        for (RecordReturnCommand refused : List.of(returnOf(alices.id(), null, returned(1, 4)),
                returnOf(alices.id(), 3L, returned(1, 1)),
                returnOf(alices.id(), null, returned(1, 1), returned(3, 1)))) {
            refusedWithoutEffect(CrmException.class, () -> sales.recordReturn(manager, refused));
        }
        assertThat(account(alice.id())).map(LoyaltyAccountSnapshot::balance).contains(74L);
    }

    @Test
    void aRefusedPurchaseEarnsNothingAndOpensNoAccount() {
        CustomerView dora = register("Dora", "dora@example.org");
        involved.add(dora.id());
        ProductView old = crm.products().create(SYSTEM, new CreateProductCommand("OLD-1", "Old mug", null, null,
                new BigDecimal("5.00"), "EUR"));
        crm.products().retire(SYSTEM, new RetireProductCommand(old.id(), null));
        RecordPurchaseCommand valid = withCustomer(newPurchase(line(1, shirt, 1, "19.90")), dora.id());
        assertThat(refusedWithoutEffect(NotFoundException.class, () -> sales.recordPurchase(manager, withLines(valid,
                List.of(line(1, shirt, 1, "19.90"), new RecordPurchaseCommand.Line(2, ProductId.next(clock), 1,
                        BigDecimal.TEN))))).type()).isEqualTo("product");
        assertThat(refusedWithoutEffect(BusinessRuleViolationException.class, () -> sales.recordPurchase(manager,
                withLines(valid, List.of(line(1, shirt, 1, "19.90"), line(2, old, 1, "5.00"))))).code())
                .isEqualTo("product_retired");
        assertThat(refusedWithoutEffect(ConflictException.class, () -> sales.recordPurchase(manager,
                purchase(dora.id(), "ORDER-1", line(1, shirt, 3, "19.90"), line(2, mug, 2, "7.50")))).code())
                .as("Alice's reference").isEqualTo("duplicate");
        assertThat(account(dora.id())).isEmpty();
    }

    @Test
    void thePurchaseRecordedAgainEarnsNothingMore() {
        Snapshot before = snapshot();
        publisher.clear();
        assertThat(sales.recordPurchase(manager, purchase(alice.id(), "ORDER-1", line(1, shirt, 3, "19.90"),
                line(2, mug, 2, "7.50")))).isEqualTo(alices);
        assertThat(snapshot()).as("purchases and loyalty").isEqualTo(before);
        assertThat(publisher.events()).isEmpty();
    }

    /** Not a refusal: what the returned units earned was spent, so the return leaves a shortfall, never a debt. */
    @Test
    void aReturnOfPointsAlreadySpentLeavesAShortfallNotANegativeBalance() {
        crm.loyalty().redeem(manager, new RedeemPointsCommand(alice.id(), 70, "SPEND-1", null));
        sales.recordReturn(manager, returnOf(alices.id(), null, returned(1, 3)));
        assertThat(account(alice.id())).hasValueSatisfying(a -> {
            assertThat(a.balance()).isZero();
            assertThat(a.shortfall()).as("59 clawed back, 4 were left").isEqualTo(55);
        });
        assertThat(store.unitOfWork().inTransaction(() -> store.loyalty().sums(alice.id()))
                .hold()).isTrue();
    }

    // ---- the actor and missing arguments -------------------------------------------------------------------------

    @Test
    void aNullActorIsRefusedNamingTheActorOnEveryUseCase() {
        Map<String, ThrowingCallable> calls = Map.of(
                "recordPurchase", () -> sales.recordPurchase(null, newPurchase(line(1, shirt, 1, "19.90"))),
                "recordReturn", () -> sales.recordReturn(null, returnOf(alices.id(), null, returned(1, 1))),
                "findById", () -> sales.findById(null, alices.id()),
                "history", () -> sales.history(null, new PurchaseHistoryQuery(alice.id(), PageRequest.first(10))),
                "totals", () -> sales.totals(null, alice.id()));
        calls.forEach((name, call) -> assertThat(refusedWithoutEffect(InvalidCommandException.class, call).fields())
                .as(name).containsExactly("actor"));
    }

    @Test
    void aMissingCommandOrIdIsRefusedNamingIt() {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordPurchase(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.recordReturn(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.history(manager, null))
                .fields()).containsExactly("command");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.findById(manager, null))
                .fields()).containsExactly("purchaseId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.totals(manager, null))
                .fields()).containsExactly("customerId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.history(manager,
                new PurchaseHistoryQuery(null, PageRequest.first(10)))).fields()).containsExactly("customerId");
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.history(manager,
                new PurchaseHistoryQuery(alice.id(), null))).fields()).containsExactly("page");
    }

    // ---- history -------------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(ints = {0, -1, PageRequest.MAX_SIZE + 1, 10_000})
    void aPageSizeOutsideOneTo200IsRefusedNamingPageSize(int size) {
        assertThat(refusedWithoutEffect(InvalidCommandException.class, () -> sales.history(manager,
                new PurchaseHistoryQuery(alice.id(), PageRequest.first(size)))).fields())
                .containsExactly("page.size");
    }

    @Test
    void aCursorOfAnotherCustomersHistoryIsRefusedNamingTheCursor() {
        String bobsCursor = sales.history(manager, new PurchaseHistoryQuery(bob.id(), PageRequest.first(1)))
                .nextCursor().orElseThrow();
        assertThat(sales.history(manager, new PurchaseHistoryQuery(bob.id(), new PageRequest(1, bobsCursor)))
                .items()).as("the cursor works in its own history").hasSize(1);
        InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> sales.history(manager,
                new PurchaseHistoryQuery(alice.id(), new PageRequest(1, bobsCursor))));
        assertThat(e.code()).isEqualTo("invalid_value");
        assertThat(e.field()).isEqualTo("page.cursor");
    }

    @Test
    void aTamperedMadeUpOrForeignCursorIsRefusedNamingTheCursor() {
        String cursor = sales.history(manager, new PurchaseHistoryQuery(bob.id(), PageRequest.first(1)))
                .nextCursor().orElseThrow();
        int middle = cursor.length() / 2;
        String tampered = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A')
                + cursor.substring(middle + 1);
        String auditCursor = crm.audit().search(SYSTEM, org.crmkit.core.audit.port.in.AuditQuery.all(1))
                .nextCursor().orElseThrow();
        for (String bad : List.of(tampered, "not a cursor!", "", cursor + "x", auditCursor)) {
            InvalidValueException e = refusedWithoutEffect(InvalidValueException.class, () -> sales.history(manager,
                    new PurchaseHistoryQuery(bob.id(), new PageRequest(1, bad))));
            assertThat(e.field()).as("\"%s\"", bad).isEqualTo("page.cursor");
        }
    }

    // ---- access --------------------------------------------------------------------------------------------------

    @Test
    void aSalesRepRecordingForACustomerTheyDoNotManageIsDeniedAndOnlyTheRefusalIsAudited() {
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        AccessDeniedException e = deniedAndAuditedOnce(() -> sales.recordPurchase(rep,
                newPurchase(line(1, shirt, 1, "19.90"))));
        assertThat(e.permission()).isEqualTo(SalesPermission.SALES_RECORD);
        assertThat(e.action()).isEqualTo("purchase.record");
    }

    @Test
    void aSupportAgentReturningIsDeniedEvenWithAValidVersion() {
        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        AccessDeniedException e = deniedAndAuditedOnce(() -> sales.recordReturn(agent,
                returnOf(alices.id(), 0L, returned(1, 1))));
        assertThat(e.permission()).isEqualTo(SalesPermission.SALES_RETURN);
        assertThat(e.targetId()).isEqualTo(alices.id().value());
    }

    @Test
    void anUnenrolledSalesManagerIsDenied() {
        Actor stranger = Actor.staff(StaffId.next(clock), Set.of(Role.SALES_MANAGER));
        assertThat(deniedAndAuditedOnce(() -> sales.recordPurchase(stranger, newPurchase(line(1, shirt, 1,
                "19.90")))).permission()).isEqualTo(SalesPermission.SALES_RECORD);
        assertThat(deniedAndAuditedOnce(() -> sales.findById(stranger, anonymousSale.id())).permission())
                .isEqualTo(SalesPermission.SALES_VIEW);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The purchases of the customers involved and under the references used, and those customers' loyalty. */
    private record Snapshot(List<List<PurchaseSnapshot>> byCustomer, List<Optional<PurchaseSnapshot>> byReference,
                            List<Optional<LoyaltyAccountSnapshot>> accounts, List<List<LedgerEntry>> ledgers) {
    }

    private Snapshot snapshot() {
        LoyaltyRepository loyalty = store.loyalty();
        return store.unitOfWork().inTransaction(() -> new Snapshot(
                involved.stream().map(c -> new PurchaseStore(store.purchases()).findByCustomer(c, null, Integer.MAX_VALUE)
                        .stream().map(Purchase::snapshot).toList()).toList(),
                references.stream().map(r -> new PurchaseStore(store.purchases()).findByReference(SOURCE, r)
                        .map(Purchase::snapshot)).toList(),
                involved.stream().map(loyalty::find).toList(),
                involved.stream().map(c -> loyalty.entries(c, null, Integer.MAX_VALUE)).toList()));
    }

    private Optional<LoyaltyAccountSnapshot> account(CustomerId customer) {
        return store.unitOfWork().inTransaction(() -> store.loyalty().find(customer));
    }

    /** Runs a call that must fail with {@code type} and checks that it changed, audited and published nothing. */
    private <T extends CrmException> T refusedWithoutEffect(Class<T> type, ThrowingCallable call) {
        assertThat(snapshot().byCustomer().get(0)).as("the fixture's purchases of Alice").isNotEmpty();
        return refusals().withoutEffect(type, call);
    }

    /** Runs a call the policy must refuse: exactly one DENIED audit entry more, and no other change. */
    private AccessDeniedException deniedAndAuditedOnce(ThrowingCallable call) {
        return refusals().deniedAndAuditedOnce(call);
    }

    private Refusals refusals() {
        return new Refusals(crm, publisher, this::snapshot);
    }

    private CustomerView register(String name, String email) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(name, "Customer", email, null,
                false));
    }

    private static RecordPurchaseCommand.Line line(int number, ProductView product, int quantity, String price) {
        return new RecordPurchaseCommand.Line(number, product.id(), quantity, new BigDecimal(price));
    }

    /** @return lines 1 to {@code count}, one mug at 7.50 each */
    private List<RecordPurchaseCommand.Line> lines(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> line(n, mug, 1, "7.50")).toList();
    }

    private static RecordPurchaseCommand purchase(CustomerId customer, String reference,
                                                  RecordPurchaseCommand.Line... lines) {
        return new RecordPurchaseCommand(customer, BOUGHT, SalesChannel.STORE, SOURCE, reference, "EUR",
                List.of(lines));
    }

    /** @return a new purchase of Alice's under {@link #NEW_REFERENCE} */
    private RecordPurchaseCommand newPurchase(RecordPurchaseCommand.Line... lines) {
        return purchase(alice.id(), NEW_REFERENCE, lines);
    }

    private static RecordPurchaseCommand withLines(RecordPurchaseCommand c, List<RecordPurchaseCommand.Line> lines) {
        return new RecordPurchaseCommand(c.customerId(), c.occurredAt(), c.channel(), c.source(),
                c.externalReference(), c.currency(), lines);
    }

    private static RecordPurchaseCommand withCurrency(RecordPurchaseCommand c, String currency) {
        return new RecordPurchaseCommand(c.customerId(), c.occurredAt(), c.channel(), c.source(),
                c.externalReference(), currency, c.lines());
    }

    private static RecordPurchaseCommand withTexts(RecordPurchaseCommand c, String source, String reference) {
        return new RecordPurchaseCommand(c.customerId(), c.occurredAt(), c.channel(), source, reference,
                c.currency(), c.lines());
    }

    private static RecordPurchaseCommand withWhenAndWhere(RecordPurchaseCommand c, Instant at,
                                                          SalesChannel channel) {
        return new RecordPurchaseCommand(c.customerId(), at, channel, c.source(), c.externalReference(),
                c.currency(), c.lines());
    }

    private static RecordPurchaseCommand withCustomer(RecordPurchaseCommand c, CustomerId customer) {
        return new RecordPurchaseCommand(customer, c.occurredAt(), c.channel(), c.source(), c.externalReference(),
                c.currency(), c.lines());
    }

    /** @return a line of an order of one shirt, for Alice, under {@code reference} */
    private SaleLine saleLine(long sourceLine, String reference) {
        return SaleLine.builder().sourceLine(sourceLine).orderReference(reference).lineNumber(1).sku("SHIRT-1")
                .quantity(1).unitPrice(new BigDecimal("19.90")).occurredAt(BOUGHT).build();
    }

    private static RecordReturnCommand.Line returned(int line, int quantity) {
        return new RecordReturnCommand.Line(line, quantity);
    }

    private static RecordReturnCommand returnOf(PurchaseId purchase, Long expectedVersion,
                                                RecordReturnCommand.Line... lines) {
        return new RecordReturnCommand(purchase, List.of(lines), expectedVersion);
    }
}
