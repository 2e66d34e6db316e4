package org.crmkit.core.sales;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.sales.port.in.ImportProgress;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.sales.port.in.UnreadableLine;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.testing.LoyaltyWorld;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales import's rules for one line and for the lines of one order, each at the edge of its range and with the
 * reason the summary gives: what the reader refuses on its own, what an order's lines must agree on, a product no
 * longer sold, a cancellation without its customer, and how many rejections a summary lists (found by mutation
 * testing: these rules were reached, but no test looked at their edges or their reasons).
 */
class SalesImportLineRulesTest {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final String CUSTOMER = "17850";

    private LoyaltyWorld world;
    private CustomerView alice;
    private ProductView lamp;
    private ProductView mug;

    @BeforeEach
    void setUp() {
        world = new LoyaltyWorld(InMemoryCrmPersistence.create(), LoyaltyProgram.standard(), NOW, "l");
        alice = world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand.imported("Alice",
                "Anders", "alice@example.org", CUSTOMER));
        lamp = world.product("LAMP", "20.00", null);
        mug = world.product("MUG", "2.50", null);
    }

    private static SaleLine.Builder line(long at, String order, int number, String sku, int quantity) {
        return SaleLine.builder().sourceLine(at).orderReference(order).lineNumber(number).sku(sku)
                .quantity(quantity).unitPrice(new BigDecimal("2.50")).occurredAt(T1).customerReference(CUSTOMER)
                .cancellation(order.startsWith("C"));
    }

    private ImportSummary importOf(List<? extends ImportRow> rows) {
        return world.crm().sales().importSales(world.manager(), SalesImportOptions.strict("shop", "EUR"), rows,
                ImportProgress.none());
    }

    private List<String> imported() {
        return world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(alice.id(),
                PageRequest.first(50))).items().stream().map(PurchaseView::externalReference).sorted().toList();
    }

    @Test
    void eachFieldOfALineIsAcceptedUpToItsLimitAndRefusedOnePast() {
        ImportSummary summary = importOf(List.of(
                line(2, "A".repeat(64), 1, mug.sku(), 1).build(),
                line(3, "B".repeat(65), 1, mug.sku(), 1).build(),
                line(4, "1003", 1, mug.sku(), 1_000_000).unitPrice(new BigDecimal("0.01")).build(),
                line(5, "1004", 1, mug.sku(), 1_000_001).build(),
                line(6, "1005", 0, mug.sku(), 1).build(),
                line(7, "1006", 1, "S".repeat(201), 1).build(),
                line(8, "1007", 1, mug.sku(), 0).build(),
                line(9, "1008", 1, mug.sku(), 1).customerReference("R".repeat(101)).build(),
                line(10, "1009", 1, mug.sku(), 1).customerReference("   ").build(),
                line(11, "1010", 1, mug.sku(), 1).occurredAt(null).build(),
                line(12, "1011", 1, mug.sku(), 1).occurredAt(NOW.plus(Duration.ofDays(1))).build(),
                line(13, "1012", 1, mug.sku(), 1).occurredAt(NOW.plus(Duration.ofDays(1)).plusSeconds(1)).build(),
                line(14, "1013", 1, mug.sku(), 1).unitPrice(null).build()));

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(3, "orderReference",
                        "must be 1 to 64 characters without control characters or unpaired surrogates"),
                new RejectedLine(5, "quantity", "must be 1 to 1,000,000 (negative in a cancellation)"),
                new RejectedLine(6, "lineNumber", "must be 1 or more"),
                new RejectedLine(7, "sku", "must be 1 to 200 characters without control characters or unpaired "
                        + "surrogates"),
                new RejectedLine(8, "quantity", "must be 1 to 1,000,000 (negative in a cancellation)"),
                new RejectedLine(9, "customerReference", "must be 1 to 100 characters without control characters "
                        + "or unpaired surrogates"),
                new RejectedLine(10, "customerReference", "must be 1 to 100 characters without control characters "
                        + "or unpaired surrogates"),
                new RejectedLine(11, "occurredAt", "must not be empty"),
                new RejectedLine(13, "occurredAt", "must not be more than a day in the future"),
                new RejectedLine(14, "unitPrice", "must not be null"));
        assertThat(imported()).containsExactly("1003", "1011", "A".repeat(64));
        assertThat(summary.linesRead()).isEqualTo(13);
    }

    @Test
    void aCancellationTakesBackUpToTheLargestQuantityAndMustBeNegative() {
        importOf(List.of(line(2, "1001", 1, mug.sku(), 1_000_000).unitPrice(new BigDecimal("0.01")).build()));

        ImportSummary summary = importOf(List.of(
                line(2, "C1", 1, mug.sku(), 1).build(),
                line(3, "C2", 1, mug.sku(), -1_000_001).build(),
                line(4, "C3", 1, mug.sku(), -1_000_000).unitPrice(new BigDecimal("0.01")).build()));

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(2, "quantity", "must be negative in a cancellation"),
                new RejectedLine(3, "quantity", "must be 1 to 1,000,000 (negative in a cancellation)"));
        assertThat(summary.returns()).isEqualTo(1);
    }

    @Test
    void aLineWithAnUnreadableOrderReferenceKeepsNoOtherLineOut() {
        ImportSummary summary = importOf(List.of(
                line(2, "1001", 1, lamp.sku(), 1).build(),
                line(3, " ", 2, mug.sku(), 1).build(),
                line(4, "1001", 2, mug.sku(), 1).build()));

        assertThat(summary.rejected()).containsExactly(new RejectedLine(3, "orderReference",
                "must be 1 to 64 characters without control characters or unpaired surrogates"));
        assertThat(imported()).containsExactly("1001");
    }

    @Test
    void theLinesOfASaleMustAgreeWithItsFirstLineAndNotRepeatALineNumber() {
        ImportSummary summary = importOf(List.of(
                line(2, "1001", 1, lamp.sku(), 1).build(),
                line(3, "1001", 2, mug.sku(), 1).customerReference(null).build(),
                line(4, "1002", 1, lamp.sku(), 1).build(),
                line(5, "1002", 2, mug.sku(), 1).occurredAt(T1.plusSeconds(1)).build(),
                line(6, "1003", 1, lamp.sku(), 1).build(),
                line(7, "1003", 1, mug.sku(), 1).build(),
                line(8, "1004", 1, lamp.sku(), 1).customerReference(" " + CUSTOMER + " ").build(),
                line(9, "1004", 2, mug.sku(), 1).build()));

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(2, "orderReference", "not imported: the order is stored whole or not at all, and "
                        + "its line 3 was rejected"),
                new RejectedLine(3, "customerReference", "differs from the first line of order 1001"),
                new RejectedLine(4, "orderReference", "not imported: the order is stored whole or not at all, and "
                        + "its line 5 was rejected"),
                new RejectedLine(5, "occurredAt", "differs from the first line of order 1002"),
                new RejectedLine(6, "orderReference", "not imported: the order is stored whole or not at all, and "
                        + "its line 7 was rejected"),
                new RejectedLine(7, "lineNumber", "repeats a line number of order 1003"));
        assertThat(imported()).as("the same reference with spaces around it agrees").containsExactly("1004");
    }

    @Test
    void aSaleWithSeveralRejectedLinesNamesThemAll() {
        ImportSummary summary = importOf(List.of(
                line(2, "1001", 1, lamp.sku(), 1).build(),
                line(3, "1001", 2, "NO-SUCH", 1).build(),
                line(4, "1001", 3, mug.sku(), -1).build(),
                line(5, "1001", 4, "NOR-THIS", 1).build()));

        String why = "not imported: the order is stored whole or not at all, and its lines 3, 4, 5 were rejected";
        assertThat(summary.rejected()).containsExactly(new RejectedLine(2, "orderReference", why),
                new RejectedLine(3, "sku", "no product has this SKU"),
                new RejectedLine(4, "quantity", "is negative outside a cancellation"),
                new RejectedLine(5, "sku", "no product has this SKU"));
        assertThat(imported()).isEmpty();
    }

    @Test
    void aRetiredProductIsNoLongerSoldButItsEarlierSalesCanStillBeCancelled() {
        importOf(List.of(line(2, "1001", 1, mug.sku(), 3).build()));
        world.crm().products().retire(LoyaltyWorld.SYSTEM, new RetireProductCommand(mug.id(), null));

        ImportSummary summary = importOf(List.of(
                line(2, "1002", 1, mug.sku(), 1).build(),
                line(3, "C1", 1, mug.sku(), -1).build()));

        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(2, "sku", "the product is retired and no longer sold"));
        assertThat(summary.returns()).isEqualTo(1);
    }

    @Test
    void aCancellationWithoutItsCustomerIsRejectedWholeAndOneOfSeveralLinesImportsTheOthers() {
        importOf(List.of(line(2, "1001", 1, lamp.sku(), 2).unitPrice(new BigDecimal("20.00")).build(),
                line(3, "1001", 2, mug.sku(), 1).build()));

        ImportSummary summary = importOf(List.of(
                line(2, "C1", 1, lamp.sku(), -1).customerReference(null).unitPrice(new BigDecimal("20.00")).build(),
                line(3, "C1", 2, mug.sku(), -1).customerReference(null).build(),
                line(4, "C2", 1, lamp.sku(), -1).unitPrice(new BigDecimal("20.00")).build(),
                line(5, "C2", 2, mug.sku(), -2).build()));

        String why = "a cancellation needs the customer whose purchase it takes back";
        assertThat(summary.rejected()).containsExactly(new RejectedLine(2, "customerReference", why),
                new RejectedLine(3, "customerReference", why),
                new RejectedLine(5, "quantity",
                        "no earlier purchase of this customer holds that many of the SKU to take back"));
        assertThat(summary).extracting(ImportSummary::linesImported, ImportSummary::returns)
                .containsExactly(1L, 1L);
    }

    @Test
    void everyRejectionIsCountedAndTheFirstThousandAreListed() {
        List<ImportRow> rows = new ArrayList<>();
        for (int i = 0; i <= ImportSummary.MAX_REPORTED; i++) {
            rows.add(new UnreadableLine(i + 2, "quantity", "is not a number"));
        }

        ImportSummary summary = importOf(rows);

        assertThat(summary.linesRejected()).isEqualTo(ImportSummary.MAX_REPORTED + 1);
        assertThat(summary.rejected()).hasSize(ImportSummary.MAX_REPORTED);
        assertThat(summary.rejected().get(ImportSummary.MAX_REPORTED - 1).sourceLine())
                .isEqualTo(ImportSummary.MAX_REPORTED + 1);
    }

    @Test
    void aNullRowReadLazilyStopsTheImportNamingItsPositionAndKeepsTheBatchesStoredBefore() {
        List<ImportRow> rows = new ArrayList<>(List.of(line(2, "1001", 1, mug.sku(), 1).build(),
                line(3, "1002", 1, mug.sku(), 1).build()));
        rows.add(null);
        Iterable<ImportRow> lazily = () -> new Iterator<>() {
            private final Iterator<ImportRow> all = rows.iterator();

            @Override
            public boolean hasNext() {
                return all.hasNext();
            }

            @Override
            public ImportRow next() {
                return all.next();
            }
        };

        assertThatThrownBy(() -> world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(1), lazily, ImportProgress.none()))
                .isInstanceOfSatisfying(InvalidCommandException.class, e -> assertThat(e.errors())
                        .extracting(FieldError::field, FieldError::message)
                        .containsExactly(Tuple.tuple("rows", "must not hold a null row (row 3 is null)")));
        assertThat(imported()).as("the batch stored before the null; the open one is not").containsExactly("1001");
    }
}
