package org.crmkit.core.sales;

import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.spi.CrmPersistence;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.crmkit.core.loyalty.LoyaltyEvents;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.port.in.ImportRow;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.testing.LedgerScript;
import org.crmkit.core.testing.LoyaltyWorld;

/**
 * The outcome of a sales import does not depend on how the file is cut into batches: a random small file of
 * purchases (some anonymous, some large enough to move a tier, some dated so long ago that their points expired),
 * repeated orders and cancellations (some before, in the file, the purchase they could take back from; some after
 * it in the same batch; some that nothing holds) leaves the same purchases, returns, summary and loyalty ledgers
 * (entries, lots, balance, shortfall and tier), the same audit trail in the same order, the same sales events in the
 * same order and each account's events in the same order, with batches of 1, 2, 3, a random size and 1,000 lines.
 */
class SalesImportBatchPropertiesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    /** Sale times: four days of February, and one past the points' lifetime (its points expire at once). */
    private static final List<Instant> DAYS = List.of(Instant.parse("2026-02-01T10:00:00Z"),
            Instant.parse("2026-02-02T10:00:00Z"), Instant.parse("2026-02-03T10:00:00Z"),
            Instant.parse("2026-02-04T10:00:00Z"), Instant.parse("2025-08-01T10:00:00Z"));
    private static final List<String> CUSTOMERS = List.of("A", "B", "C");
    private static final List<String[]> PRODUCTS = List.of(new String[] {"LAMP", "20.00"},
            new String[] {"MUG", "2.50"}, new String[] {"VASE", "7.00"});

    /** One line of an order: which product, how many, at the list price or a euro more. */
    record LineSpec(int product, int quantity, boolean dearer) {
    }

    /**
     * One order of the file.
     *
     * @param cancellation whether it takes back (negative quantities)
     * @param customer     an index of {@link #CUSTOMERS}, or their size for no customer
     * @param day          an index of {@link #DAYS}
     * @param lines        its lines
     * @param repeat       whether it is, instead, the order before the previous one again
     */
    record OrderSpec(boolean cancellation, int customer, int day, List<LineSpec> lines, boolean repeat) {
    }

    /** What an import left, in terms that do not depend on generated ids or on how many transactions stored it. */
    record Outcome(ImportSummary summary, Map<String, List<String>> purchases, Map<String, List<String>> ledgers,
                   Map<String, List<String>> lots, Map<String, String> accounts, List<String> audit,
                   List<String> salesEvents, Map<String, List<String>> loyaltyEvents) {
    }

    @Property(tries = 100)
    void everyBatchSizeLeavesWhatOrderByOrderImportLeaves(@ForAll("files") List<OrderSpec> file,
                                                          @ForAll @IntRange(min = 4, max = 30) int randomSize) {
        Outcome oneByOne = run(file, 1);
        for (int batchSize : new int[] {2, 3, randomSize, 1_000}) {
            assertThat(run(file, batchSize)).as("batches of %d lines", batchSize).isEqualTo(oneByOne);
        }
    }

    @Provide
    Arbitrary<List<OrderSpec>> files() {
        Arbitrary<Integer> bought = Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.integers().between(1, 4)),
                Tuple.of(1, Arbitraries.integers().between(5, 12)));
        Arbitrary<Integer> takenBack = Arbitraries.integers().between(1, 2);
        Arbitrary<Integer> product = Arbitraries.integers().between(0, PRODUCTS.size() - 1);
        Arbitrary<Boolean> dearer = Arbitraries.integers().between(0, 5).map(i -> i == 0);
        Arbitrary<OrderSpec> purchase = Combinators.combine(
                Arbitraries.integers().between(0, 3 * CUSTOMERS.size()).map(i -> i / 3),
                Arbitraries.integers().between(0, DAYS.size() - 1),
                Combinators.combine(product, bought, dearer).as(LineSpec::new).list().ofMinSize(1).ofMaxSize(3),
                Arbitraries.integers().between(0, 11).map(i -> i == 0))
                .as((customer, day, lines, repeat) -> new OrderSpec(false, customer, day, lines, repeat));
        // a cancellation of few units and (mostly) of a known customer, so that many find a purchase to take from
        Arbitrary<OrderSpec> cancellation = Combinators.combine(
                Arbitraries.integers().between(0, 6 * CUSTOMERS.size()).map(i -> i / 6),
                Arbitraries.integers().between(0, DAYS.size() - 1),
                Combinators.combine(product, takenBack, dearer).as(LineSpec::new).list().ofMinSize(1).ofMaxSize(2),
                Arbitraries.integers().between(0, 11).map(i -> i == 0))
                .as((customer, day, lines, repeat) -> new OrderSpec(true, customer, day, lines, repeat));
        Arbitrary<OrderSpec> order = Arbitraries.frequencyOf(Tuple.of(3, purchase), Tuple.of(2, cancellation));
        return order.list().ofMinSize(6).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    /** The file's rows: each order's lines under a reference of its own, a repeat under the repeated one's. */
    private static List<ImportRow> rows(List<OrderSpec> file, List<ProductView> products) {
        List<List<SaleLine>> orders = new ArrayList<>();
        long sourceLine = 2;
        for (int i = 0; i < file.size(); i++) {
            OrderSpec spec = file.get(i);
            List<SaleLine> lines = new ArrayList<>();
            int size = orders.size();
            if (spec.repeat() && size >= 2 && !orders.get(size - 2).get(0).orderReference()
                    .equals(orders.get(size - 1).get(0).orderReference())) {
                for (SaleLine again : orders.get(size - 2)) {
                    lines.add(new SaleLine(sourceLine++, again.orderReference(), again.lineNumber(), again.sku(),
                            again.description(), again.quantity(), again.unitPrice(), again.occurredAt(),
                            again.customerReference(), again.country(), again.cancellation()));
                }
            } else {
                String reference = (spec.cancellation() ? "C" : "P") + i;
                String customer = spec.customer() < CUSTOMERS.size() ? "ref-" + CUSTOMERS.get(spec.customer()) : null;
                for (int n = 0; n < spec.lines().size(); n++) {
                    LineSpec l = spec.lines().get(n);
                    ProductView product = products.get(l.product());
                    BigDecimal price = product.listPrice().amount().add(l.dearer() ? BigDecimal.ONE : BigDecimal.ZERO);
                    lines.add(new SaleLine(sourceLine++, reference, n + 1, product.sku(), "described",
                            spec.cancellation() ? -l.quantity() : l.quantity(), price, DAYS.get(spec.day()), customer,
                            "United Kingdom", spec.cancellation()));
                }
            }
            orders.add(lines);
        }
        return orders.stream().flatMap(List::stream).map(ImportRow.class::cast).toList();
    }

    private Outcome run(List<OrderSpec> file, int batchSize) {
        LoyaltyWorld world = new LoyaltyWorld(new AreaPorts(InMemoryCrmPersistence.create()), LedgerScript.PROGRAM, START, "b");
        Map<String, CustomerView> customers = new LinkedHashMap<>();
        for (String name : CUSTOMERS) {
            customers.put(name, world.crm().customers().register(LoyaltyWorld.SYSTEM, RegisterCustomerCommand
                    .imported(name, "Buyer", name.toLowerCase(java.util.Locale.ROOT) + ".batch@example.org",
                            "ref-" + name)));
        }
        List<ProductView> products = PRODUCTS.stream().map(p -> world.product(p[0], p[1], null)).toList();
        ImportSummary summary = world.crm().sales().importSales(world.manager(),
                SalesImportOptions.strict("shop", "EUR").withBatchSize(batchSize), rows(file, products),
                (r, i, j) -> { });

        Map<String, List<String>> purchases = new LinkedHashMap<>();
        // generated ids named by what the file calls them, over every customer: for the audit trail and the events
        Map<String, String> allNames = new HashMap<>();
        Map<CustomerId, String> customerNames = new HashMap<>();
        customers.forEach((name, customer) -> customerNames.put(customer.id(), name));
        Map<String, List<String>> ledgers = new LinkedHashMap<>();
        Map<String, List<String>> lots = new LinkedHashMap<>();
        Map<String, String> accounts = new LinkedHashMap<>();
        customers.forEach((name, customer) -> {
            // generated ids named by what the file calls them: a purchase by its order, a return by its reference
            Map<String, String> names = new HashMap<>();
            List<String> bought = new ArrayList<>();
            for (PurchaseView p : world.crm().sales().history(world.manager(), new PurchaseHistoryQuery(
                    customer.id(), PageRequest.first(PageRequest.MAX_SIZE))).items()) {
                names.put(p.id().toString(), p.externalReference());
                p.returns().forEach(r -> names.put(r.id().toString(), r.reference()));
                bought.add(p.externalReference() + " at " + p.occurredAt() + " " + p.lines().stream()
                        .map(l -> l.number() + ":" + l.quantity() + "-" + l.returned()).toList() + " returns "
                        + p.returns().stream().map(SalesImportBatchPropertiesTest::describe).toList());
            }
            purchases.put(name, bought);
            allNames.putAll(names);
            LoyaltyStatement statement = world.crm().loyalty().statement(world.manager(),
                    new org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery(customer.id(),
                            PageRequest.first(PageRequest.MAX_SIZE)));
            Map<UUID, String> entries = new HashMap<>();
            List<String> ledger = new ArrayList<>();
            for (LedgerEntryView e : statement.entries().items()) {
                String reference = e.reference() == null ? null : names.getOrDefault(e.reference(), "a lot");
                entries.put(e.id(), e.kind() + " " + reference);
                ledger.add(e.kind() + " " + reference + " " + e.points() + " earned " + e.earned() + " shortfall "
                        + e.shortfallChange() + " balance " + e.balanceAfter() + " at " + e.occurredAt() + " lines "
                        + e.lines().stream().map(l -> l.lineNumber() + ":" + l.quantity() + "=" + l.points())
                        .toList());
            }
            ledgers.put(name, ledger);
            lots.put(name, world.persistence().unitOfWork().inTransaction(() -> new org.crmkit.core.loyalty.internal.store.LoyaltyStore(
                    world.persistence().loyalty()).lock(customer.id()).map(LoyaltyAccount::openLots).orElse(List.of())).stream()
                    .map(l -> entries.get(l.entryId()) + " " + l.remaining() + "/" + l.points() + " until "
                            + l.expiresAt()).sorted().toList());
            accounts.put(name, "opened " + statement.account().openedAt() + " " + statement.account().tier() + " balance "
                    + statement.account().balance() + " shortfall " + statement.account().shortfall()
                    + " window " + statement.account().earnedInWindow() + " lifetime "
                    + statement.account().lifetimeEarned());
            assertThat(world.sums(customer.id()).hold()).as("the ledger of %s", name).isTrue();
        });
        // what was audited and published, in order: each area in the file's order, whatever the batches
        AreaPorts store = world.persistence();
        List<AuditEntry> trail = new ArrayList<>(store.unitOfWork().inTransaction(() -> store.auditLog().search(new AuditCriteria(null, null, null, "purchase", null, null,
                        null, null), 100_000)));
        java.util.Collections.reverse(trail);
        List<String> audit = trail.stream().filter(a -> a.action().startsWith("purchase.record")
                        || a.action().startsWith("purchase.return"))
                .map(a -> a.action() + " " + allNames.getOrDefault(a.targetId().toString(), "an anonymous sale"))
                .toList();
        List<String> salesEvents = new ArrayList<>();
        // each account's events in order (a batch opens its new accounts before it posts, so the interleaving of
        // different customers' events may differ)
        Map<String, List<String>> loyaltyEvents = new LinkedHashMap<>();
        for (DomainEvent event : world.publisher().events()) {
            if (event instanceof SalesEvents.PurchaseRecorded recorded) {
                salesEvents.add("recorded " + allNames.getOrDefault(recorded.purchaseId().toString(),
                        "an anonymous sale"));
            } else if (event instanceof SalesEvents.PurchaseReturned returned) {
                salesEvents.add("returned " + allNames.get(returned.returnId().toString()));
            } else if (event instanceof LoyaltyEvents.PointsPosted posted) {
                loyaltyEvents.computeIfAbsent(customerNames.get(posted.customerId()), c -> new ArrayList<>())
                        .add(posted.kind() + " " + posted.points() + " balance " + posted.balance());
            } else if (event instanceof LoyaltyEvents.TierChanged changed) {
                loyaltyEvents.computeIfAbsent(customerNames.get(changed.customerId()), c -> new ArrayList<>())
                        .add("tier " + changed.from() + " to " + changed.to());
            } else if (event instanceof LoyaltyEvents.AccountOpened opened) {
                loyaltyEvents.computeIfAbsent(customerNames.get(opened.customerId()), c -> new ArrayList<>())
                        .add("opened");
            }
        }
        return new Outcome(summary, purchases, ledgers, lots, accounts, audit, salesEvents, loyaltyEvents);
    }

    private static String describe(PurchaseReturn r) {
        return r.reference() + " at " + r.occurredAt() + " " + r.lines().stream()
                .map(l -> l.lineNumber() + ":" + l.quantity()).toList() + "=" + r.refund().amount().toPlainString();
    }
}
