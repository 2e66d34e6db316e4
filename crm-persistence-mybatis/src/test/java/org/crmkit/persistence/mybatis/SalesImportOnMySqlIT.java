package org.crmkit.persistence.mybatis;

import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.TopCustomersQuery;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bulk sales import on MySQL, whose batches store loyalty postings, returns and audit entries with multi-row
 * statements: a file with purchases that cross a tier, anonymous sales, cancellations of purchases of earlier
 * batches and of the same batch, two cancellations of one purchase in one batch, a full return, a cancellation
 * nothing holds and one that precedes, in the file, a later purchase it would otherwise take back from, imported in
 * small and in large batches, leaves the same purchases and ledgers as the in-memory adapter (entry by entry), every
 * stored ledger sound, and imports nothing on a second run. Customer A's orders cross the SILVER threshold up, down
 * (returns) and up again, so what each order earns shows the tier held at its time.
 */
class SalesImportOnMySqlIT {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant T1 = Instant.parse("2026-02-01T10:00:00Z");
    private static final Instant T2 = Instant.parse("2026-02-02T11:30:00Z");
    private static final Instant T3 = Instant.parse("2026-02-03T09:15:00Z");

    /**
     * What an import left, in terms that do not depend on generated ids.
     *
     * @param postings the ledgers without the times claw-backs were recorded at (the run's clock), entry by entry
     * @param balances each account's balance, shortfall and version, without the tier it shows as of the run's now
     */
    private record Outcome(ImportSummary first, ImportSummary again, Map<String, List<String>> purchases,
                           Map<String, List<String>> ledgers, Map<String, String> accounts,
                           Map<String, List<String>> postings, Map<String, String> balances) {
    }

    @ParameterizedTest(name = "batches of {0} lines")
    @ValueSource(ints = {2, 1_000})
    void leavesWhatTheInMemoryImportLeavesWithSoundLedgers(int batchSize) {
        Outcome mysql = run(new AreaPorts(TestDatabase.get().emptyPersistence()), batchSize, null,
                LoyaltyProgram.standard());
        Outcome memory = run(new AreaPorts(InMemoryCrmPersistence.create()), batchSize, null,
                LoyaltyProgram.standard());

        assertThat(mysql).isEqualTo(memory);
        assertThat(mysql.first()).extracting(ImportSummary::linesImported, ImportSummary::linesRejected,
                ImportSummary::purchases, ImportSummary::returns).containsExactly(21L, 1L, 10L, 9L);
        assertThat(mysql.first().rejected()).containsExactly(new RejectedLine(20, "quantity",
                "no earlier purchase of this customer holds that many of the SKU to take back"));
        assertThat(mysql.again()).extracting(ImportSummary::linesImported, ImportSummary::linesAlreadyImported,
                ImportSummary::linesRejected).containsExactly(0L, 21L, 1L);
        assertThat(mysql.accounts().get("A")).as("A reached SILVER within the file").startsWith("SILVER");
        assertThat(mysql.ledgers().get("A")).as("A's ledger: 6 earnings, 7 claw-backs").hasSize(13);
        assertThat(mysql.ledgers().get("A")).as("newest first: 1010 at SILVER again, 1009 at BRONZE")
                .satisfies(l -> assertThat(l.get(0)).startsWith("EARN 11 ").contains("tier SILVER"))
                .satisfies(l -> assertThat(l.get(1)).startsWith("EARN 20 ").doesNotContain("tier SILVER"));
        assertThat(mysql.purchases().get("A")).as("C1009 took back from 1007, not from 1009 after it in the file")
                .contains("1009 [1:1-0] returns []")
                .anySatisfy(p -> assertThat(p).startsWith("1007 [1:50-4]").contains("4:shop:C1009#1=20.00"));
    }

    /**
     * The server goes away after the second batch (issue 17): the import stops with {@code persistence_failure};
     * once the server is back, two months later, the same file run again leaves exactly the purchases, returns,
     * ledger entries (points, balances, the rules of each line) and balances an uninterrupted import leaves (issue
     * 17, finding 2). The tier window is 30 days, so by the re-run the first run's points have left the window of
     * its now, while A's orders cross SILVER both ways: an order earns at the tier held at its own time, not at the
     * one the account holds when the re-run comes. Only what depends on the run's clock differs: the times the
     * claw-backs were recorded, and the tier each account shows, as of that run's now.
     */
    @org.junit.jupiter.api.Test
    void anImportCutOffByALostServerAndRunAgainLaterLeavesWhatAnUninterruptedImportLeaves() {
        LoyaltyProgram monthly = LoyaltyProgram.builder().tierWindow(Period.ofDays(30)).build();
        Outcome uninterrupted = run(new AreaPorts(TestDatabase.get().emptyPersistence()), 4, null, monthly);
        TestDatabase.get().emptyPersistence();
        FaultyDataSource faults = new FaultyDataSource(TestDatabase.get().dataSource());
        Outcome interrupted = run(new AreaPorts(MyBatisCrmPersistence.builder(faults).migrate(false).build()), 4,
                faults, monthly);

        assertThat(faults.injected()).as("the server went away").isPositive();
        assertThat(interrupted.purchases()).isEqualTo(uninterrupted.purchases());
        assertThat(interrupted.postings()).isEqualTo(uninterrupted.postings());
        assertThat(interrupted.balances()).isEqualTo(uninterrupted.balances());
        assertThat(interrupted.again()).isEqualTo(uninterrupted.again());
        assertThat(uninterrupted.postings().get("A")).as("A's orders earn at SILVER and at BRONZE")
                .anySatisfy(e -> assertThat(e).startsWith("EARN").contains("tier SILVER"))
                .anySatisfy(e -> assertThat(e).startsWith("EARN").doesNotContain("tier SILVER"));
        assertThat(uninterrupted.accounts().get("A")).as("as of the first run's now").startsWith("SILVER");
        assertThat(interrupted.accounts().get("A")).as("as of the re-run's now: the window has passed")
                .startsWith("BRONZE").contains("window 0");
    }

    /**
     * Amounts past what DECIMAL(19,4) holds: a purchase whose unit price, line amount or total is 10^15 or more is
     * refused naming the field and writes no row; the import rejects such lines with their line number and imports
     * the rest; the largest purchase is stored exactly, and a customer's totals and ranking sum several of them
     * exactly past 10^15.
     */
    @org.junit.jupiter.api.Test
    void amountsPastTheLargestStoredAmountAreRefusedWithoutARowAndTheirSumsReadExactly() {
        LoyaltyWorld world = new LoyaltyWorld(TestDatabase.get().emptyPersistence(), LoyaltyProgram.standard(), START,
                "big");
        CustomerView big = world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand
                .imported("Big", "Spender", "big.spender@example.org", "ref-big"));
        ProductView yacht = world.product("YACHT", "1.00", null);
        org.crmkit.core.sales.port.in.Sales sales = world.crm().sales();
        java.util.function.Function<List<RecordPurchaseCommand.Line>, RecordPurchaseCommand> purchase = lines ->
                new RecordPurchaseCommand(big.id(), T1, SalesChannel.WEB, "web", "BIG-1", "EUR", lines);
        Map<String, List<RecordPurchaseCommand.Line>> refused = new LinkedHashMap<>();
        refused.put("lines[0].unitPrice", List.of(line(1, yacht, 1, "1000000000000000")));
        refused.put("lines[0].quantity", List.of(line(1, yacht, 2, "500000000000000")));
        refused.put("lines", List.of(line(1, yacht, 1, "999999999999999.9999"), line(2, yacht, 1, "0.0001")));
        long[] before = {rows("crm_purchase"), rows("crm_purchase_line")};
        refused.forEach((field, lines) -> assertThatThrownBy(() -> sales.recordPurchase(world.manager(),
                purchase.apply(lines))).isInstanceOfSatisfying(InvalidCommandException.class,
                e -> assertThat(e.fields()).containsExactly(field)));
        assertThat(new long[] {rows("crm_purchase"), rows("crm_purchase_line")}).as("no row").isEqualTo(before);

        PurchaseView largest = sales.recordPurchase(world.manager(), purchase.apply(List.of(
                line(1, yacht, 1, "999999999999999.9998"), line(2, yacht, 1, "0.0001"))));
        assertThat(sales.findById(world.manager(), largest.id()).orElseThrow().total().amount().toPlainString())
                .isEqualTo("999999999999999.9999");
        ImportSummary imported = sales.importSales(world.manager(), SalesImportOptions.strict("shop", "EUR"),
                List.of(sale(2, "B1", 1, yacht, 2, "600000000000000", T1, "ref-big"),
                        sale(3, "B2", 1, yacht, 1, "600000000000000", T1, "ref-big"),
                        sale(4, "B2", 2, yacht, 1, "600000000000000", T1, "ref-big"),
                        sale(5, "B3", 1, yacht, 1, "999999999999999.9999", T2, "ref-big")), (r, i, j) -> { });
        assertThat(imported.rejected()).extracting(RejectedLine::sourceLine, RejectedLine::field)
                .containsExactly(tuple(2L, "quantity"), tuple(3L, "orderReference"), tuple(4L, "orderReference"));
        assertThat(imported.linesImported()).isEqualTo(1);
        assertThat(rows("crm_purchase") - before[0]).as("the largest purchase and B3").isEqualTo(2);

        assertThat(sales.totals(world.manager(), big.id()).currencies()).singleElement()
                .satisfies(t -> assertThat(t.amount().amount().toPlainString()).isEqualTo("1999999999999999.9998"));
        assertThat(sales.topCustomers(world.manager(), new TopCustomersQuery(T1, T3, true, "EUR", 1)))
                .singleElement().satisfies(t -> assertThat(t.amount().amount().toPlainString())
                        .isEqualTo("1999999999999999.9998"));
    }

    private static RecordPurchaseCommand.Line line(int number, ProductView product, int quantity, String price) {
        return new RecordPurchaseCommand.Line(number, product.id(), quantity, new BigDecimal(price));
    }

    private static SaleLine sale(long at, String order, int line, ProductView product, int quantity, String price,
                                 Instant when, String customer) {
        return new SaleLine(at, order, line, product.sku(), null, quantity, new BigDecimal(price), when, customer,
                null, false);
    }

    private static long rows(String table) {
        try (java.sql.Connection c = TestDatabase.get().dataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @param faults when given, the server goes away after the second batch and is back for a second run, two
     *               months later
     */
    private Outcome run(AreaPorts persistence, int batchSize, FaultyDataSource faults, LoyaltyProgram program) {
        LoyaltyWorld world = new LoyaltyWorld(persistence, program, START, "imp");
        Map<String, CustomerView> customers = new LinkedHashMap<>();
        for (String name : List.of("A", "B", "C")) {
            customers.put(name, world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand
                    .imported(name, "Buyer", name.toLowerCase(java.util.Locale.ROOT) + ".imp@example.org",
                            "ref-" + name)));
        }
        ProductView lamp = world.product("LAMP", "20.00", null);
        ProductView mug = world.product("MUG", "2.50", null);
        ProductView vase = world.product("VASE", "7.00", null);
        List<ImportRow> file = List.of(
                sale(2, "1001", 1, lamp, 3, T1, "ref-A"),
                sale(3, "1001", 2, mug, 4, T1, "ref-A"),
                sale(4, "1002", 1, mug, 2, T1, null),                     // anonymous
                sale(5, "1003", 1, vase, 5, T1, "ref-B"),
                sale(6, "1007", 1, lamp, 50, T1, "ref-A"),                // 1,000 points: SILVER
                sale(7, "1008", 1, mug, 4, T1, "ref-A"),                  // earned at SILVER
                sale(8, "C1001", 1, lamp, -1, T2, "ref-A"),               // from 1007, the latest
                sale(9, "C1001", 2, mug, -2, T2, "ref-A"),                // from 1008
                sale(10, "1004", 1, lamp, 2, T2, "ref-A"),
                sale(11, "C1002", 1, lamp, -1, T3, "ref-A"),              // from 1004
                sale(12, "C1003", 1, lamp, -2, T3, "ref-A"),              // 1004 has 1 left: 1007 again
                sale(13, "1005", 1, lamp, 1, T3, "ref-B"),
                sale(14, "C1004", 1, lamp, -1, T3, "ref-B"),              // the same batch's purchase, maybe
                sale(15, "C1006", 1, vase, -5, T3, "ref-B"),              // all of 1003
                sale(16, "1006", 1, vase, 1, T3, "ref-C"),
                sale(17, "1006", 2, mug, 1, T3, "ref-C"),
                sale(18, "C1007", 1, mug, -1, T3, "ref-A"),               // the mug of 1008 again
                sale(19, "C1007", 2, lamp, -1, T3, "ref-A"),
                sale(20, "C1008", 1, mug, -9, T3, "ref-C"),               // nothing holds that many
                sale(21, "C1009", 1, lamp, -1, T3, "ref-A"),              // from 1007: 1009 comes after it
                sale(22, "1009", 1, lamp, 1, T3, "ref-A"),               // A below 1,000 again: BRONZE
                sale(23, "1010", 1, mug, 4, T3, "ref-A"));                // 1,015 with 1009: SILVER again
        SalesImportOptions options = SalesImportOptions.strict("shop", "EUR").withBatchSize(batchSize);
        ImportSummary first;
        if (faults == null) {
            first = world.crm().sales().importSales(world.manager(), options, file, (r, i, j) -> { });
        } else {
            int[] batches = {0};
            assertThatThrownBy(() -> world.crm().sales().importSales(world.manager(), options, file,
                    (r, i, j) -> {
                        if (++batches[0] == 2) {
                            faults.serverAway();
                        }
                    })).isInstanceOfSatisfying(PersistenceFailureException.class,
                    e -> assertThat(e.getMessage()).contains("run the same import again"));
            assertThat(batches[0]).as("the batches heard before the server went away").isEqualTo(2);
            faults.serverBack();
            world.clock().advance(Duration.ofDays(60));
            first = world.crm().sales().importSales(world.manager(), options, file, (r, i, j) -> { });
        }
        ImportSummary again = world.crm().sales().importSales(world.manager(), options, file, (r, i, j) -> { });

        Map<String, List<String>> purchases = new LinkedHashMap<>();
        Map<String, List<String>> ledgers = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        Map<String, List<String>> postings = new LinkedHashMap<>();
        Map<String, String> balances = new LinkedHashMap<>();
        customers.forEach((name, customer) -> {
            List<String> bought = new ArrayList<>();
            for (PurchaseView p : world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(
                    customer.id(), PageRequest.first(50))).items()) {
                bought.add(p.externalReference() + " " + p.lines().stream().map(l -> l.number() + ":"
                        + l.quantity() + "-" + l.returned()).toList() + " returns " + p.returns().stream()
                        .map(r -> r.reference() + "=" + r.refund().amount().toPlainString()).sorted().toList());
            }
            purchases.put(name, bought);
            LoyaltyStatement statement = world.statement(customer.id());
            ledgers.put(name, statement.entries().items().stream().map(e -> describe(e) + " at " + e.occurredAt())
                    .toList());
            postings.put(name, statement.entries().items().stream().map(e -> e.kind() == EntryKind.CLAWBACK
                    ? describe(e) : describe(e) + " at " + e.occurredAt()).toList());
            accounts.put(name, statement.account().tier() + " balance " + statement.account().balance()
                    + " shortfall " + statement.account().shortfall() + " window "
                    + statement.account().earnedInWindow() + " version " + statement.account().version());
            balances.put(name, "balance " + statement.account().balance() + " shortfall "
                    + statement.account().shortfall() + " version " + statement.account().version());
            assertThat(world.sums(customer.id()).hold()).as("the ledger of %s", name).isTrue();
        });
        return new Outcome(first, again, purchases, ledgers, accounts, postings, balances);
    }

    /** @return the entry without its time */
    private static String describe(LedgerEntryView e) {
        return e.kind() + " " + e.points() + " earned " + e.earned() + " shortfall " + e.shortfallChange()
                + " balance " + e.balanceAfter() + " lines " + e.lines().stream()
                .map(l -> l.lineNumber() + ":" + l.quantity() + "=" + l.points() + " (" + l.explanation() + ")")
                .toList();
    }

    private static SaleLine sale(long at, String order, int line, ProductView product, int quantity, Instant when,
                                 String customer) {
        return new SaleLine(at, order, line, product.sku(), "described", quantity,
                product.listPrice().amount().setScale(2, java.math.RoundingMode.UNNECESSARY).add(BigDecimal.ZERO),
                when, customer, "United Kingdom", order.startsWith("C"));
    }
}
