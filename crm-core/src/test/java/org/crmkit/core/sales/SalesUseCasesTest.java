package org.crmkit.core.sales;

import org.crmkit.core.shared.CrmException;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LoyaltyEvents.PointsPosted;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesEvents.PurchaseRecorded;
import org.crmkit.core.sales.SalesEvents.PurchaseReturned;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The sales use cases ({@code crm.sales()}) as a host uses them, on the in-memory adapter with a hand-moved clock:
 * recording purchases (computed totals, a safe retry under the same reference, conflicts under it), anonymous sales,
 * returns with their refunds, a customer's history and totals, what remains after erasure, and what every change
 * leaves behind (a version, an audit entry, an event after commit).
 */
class SalesUseCasesTest {
    private static final Instant START = Instant.parse("2026-03-02T09:00:00Z");
    private static final Actor SYSTEM = Actor.system("sales-use-case-test");
    private static final Currency EUR = Currency.getInstance("EUR");
    private static final Currency CHF = Currency.getInstance("CHF");
    private static final String SHOP = "webshop";
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

    @BeforeEach
    void setUp() {
        clock = new MutableClock(START);
        publisher = new RecordingPublisher();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).build();
        publisher.watch(store.unitOfWork());
        manager = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_MANAGER);
        sales = crm.sales();
        shirt = crm.products().create(SYSTEM, new CreateProductCommand("SHIRT-1", "Shirt", null, null,
                new BigDecimal("19.90"), "EUR"));
        mug = crm.products().create(SYSTEM, new CreateProductCommand("MUG-1", "Mug", null, null,
                new BigDecimal("7.50"), "EUR"));
        alice = register("Alice", "Anders", "alice@example.org");
        bob = register("Bob", "Berger", "bob@example.org");
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();
    }

    // ---- recording -----------------------------------------------------------------------------------------------

    @Test
    void aPurchaseIsRecordedWithItsComputedTotalAVersionAnAuditEntryAndAnEventAfterCommit() {
        Instant now = clock.instant();
        List<Optional<PurchaseView>> seenByEvent = new ArrayList<>();
        publisher.onPublish(event -> {
            if (event instanceof PurchaseRecorded recorded) {
                seenByEvent.add(sales.findById(SYSTEM, recorded.purchaseId()));
            }
        });
        RecordPurchaseCommand command = new RecordPurchaseCommand(alice.id(),
                Instant.parse("2026-03-01T15:30:00.123456789Z"), SalesChannel.WEB, "  webshop ", " A-1001  ", "eur",
                List.of(line(2, mug, 2, "7.50"), line(1, shirt, 3, "19.90")));

        PurchaseView p = sales.recordPurchase(manager, command);

        assertThat(p.version()).isZero();
        assertThat(p.customer()).isEqualTo(alice.id());
        assertThat(p.occurredAt()).as("kept to the microsecond")
                .isEqualTo(Instant.parse("2026-03-01T15:30:00.123456Z"));
        assertThat(p.channel()).isEqualTo(SalesChannel.WEB);
        assertThat(p.source()).isEqualTo("webshop");
        assertThat(p.externalReference()).isEqualTo("A-1001");
        assertThat(p.lines()).as("by line number").containsExactly(
                new PurchaseLine(1, shirt.id(), 3, Money.of("19.90", "EUR"), 0),
                new PurchaseLine(2, mug.id(), 2, Money.of("7.50", "EUR"), 0));
        assertThat(p.total()).as("3 x 19.90 + 2 x 7.50").isEqualTo(Money.of("74.70", "EUR"));
        assertThat(p.total().currency()).isEqualTo(EUR);
        assertThat(p.refunded()).isEqualTo(Money.of("0", "EUR"));
        assertThat(p.returns()).isEmpty();
        assertThat(p.recordedAt()).isEqualTo(now);
        assertThat(sales.findById(manager, p.id())).contains(p);

        assertThat(publisher.events()).hasSize(3).first().isEqualTo(new PurchaseRecorded(p.id(), alice.id(), now));
        assertThat(publisher.events().get(1)).as("then the loyalty account its first earning opened")
                .isEqualTo(new org.crmkit.core.loyalty.LoyaltyEvents.AccountOpened(alice.id(), now));
        assertThat(publisher.events().get(2)).as("then the points it earned: 59 + 15")
                .isInstanceOfSatisfying(PointsPosted.class, e -> {
                    assertThat(e.kind()).isEqualTo(EntryKind.EARN);
                    assertThat(e.points()).isEqualTo(74);
                });
        assertThat(publisher.insideTransaction()).as("published after commit").containsExactly(false, false, false);
        assertThat(seenByEvent).as("the purchase is committed when its event arrives").containsExactly(Optional.of(p));
        assertThat(auditOf(p.id())).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("purchase.record");
            assertThat(e.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(e.actorType()).isEqualTo(ActorType.STAFF);
            assertThat(e.actorRef()).isEqualTo(manager.reference());
            assertThat(e.at()).isEqualTo(now);
        });
    }

    @Test
    void theSameReferenceAndContentAgainReturnsTheFirstPurchaseWithoutWritingAnything() {
        RecordPurchaseCommand first = purchase(alice.id(), "A-1", BOUGHT, line(1, shirt, 3, "19.90"),
                line(2, mug, 2, "7.50"));
        PurchaseView recorded = sales.recordPurchase(manager, first);
        clock.advance(Duration.ofMinutes(5));
        long audited = auditCount();

        // the same content, told a little differently: lines in another order, other scales, padded texts
        RecordPurchaseCommand retry = new RecordPurchaseCommand(alice.id(), BOUGHT, SalesChannel.STORE, " webshop",
                "A-1 ", "EUR", List.of(line(2, mug, 2, "7.5000"), line(1, shirt, 3, "19.9")));
        PurchaseView again = sales.recordPurchase(manager, retry);
        PurchaseView thrice = sales.recordPurchase(SYSTEM, first);

        assertThat(again).isEqualTo(recorded);
        assertThat(thrice).isEqualTo(recorded);
        assertThat(again.recordedAt()).as("the first recording's time").isEqualTo(START.plusSeconds(60));
        assertThat(auditCount()).as("no audit entry for a retry").isEqualTo(audited);
        assertThat(auditOf(recorded.id())).hasSize(1);
        assertThat(eventsOf(PurchaseRecorded.class)).as("one event for the purchase").hasSize(1);
        assertThat(eventsOf(PointsPosted.class)).as("its points earned once").hasSize(1);
        assertThat(history(alice.id())).containsExactly(recorded);
    }

    @Test
    void theSameReferenceWithOtherContentIsADuplicateOnExternalReference() {
        RecordPurchaseCommand first = purchase(alice.id(), "A-1", BOUGHT, line(1, shirt, 3, "19.90"),
                line(2, mug, 2, "7.50"));
        PurchaseView recorded = sales.recordPurchase(manager, first);
        List<UnaryOperator<RecordPurchaseCommand>> changes = List.of(
                c -> withLines(c, line(1, shirt, 4, "19.90"), line(2, mug, 2, "7.50")),
                c -> withLines(c, line(1, shirt, 3, "18.90"), line(2, mug, 2, "7.50")),
                c -> withLines(c, line(1, mug, 3, "19.90"), line(2, mug, 2, "7.50")),
                c -> withLines(c, line(1, shirt, 3, "19.90"), line(3, mug, 2, "7.50")),
                c -> withLines(c, line(1, shirt, 3, "19.90")),
                c -> withLines(c, line(1, shirt, 3, "19.90"), line(2, mug, 2, "7.50"), line(3, mug, 1, "7.50")),
                c -> new RecordPurchaseCommand(bob.id(), c.occurredAt(), c.channel(), c.source(),
                        c.externalReference(), c.currency(), c.lines()),
                c -> new RecordPurchaseCommand(null, c.occurredAt(), c.channel(), c.source(),
                        c.externalReference(), c.currency(), c.lines()),
                c -> new RecordPurchaseCommand(c.customerId(), c.occurredAt().plusSeconds(1), c.channel(),
                        c.source(), c.externalReference(), c.currency(), c.lines()),
                c -> new RecordPurchaseCommand(c.customerId(), c.occurredAt().plusNanos(1000), c.channel(),
                        c.source(), c.externalReference(), c.currency(), c.lines()),
                c -> new RecordPurchaseCommand(c.customerId(), c.occurredAt(), SalesChannel.WEB, c.source(),
                        c.externalReference(), c.currency(), c.lines()),
                c -> new RecordPurchaseCommand(c.customerId(), c.occurredAt(), c.channel(), c.source(),
                        c.externalReference(), "CHF", c.lines()));
        long audited = auditCount();
        publisher.clear();
        for (int i = 0; i < changes.size(); i++) {
            RecordPurchaseCommand changed = changes.get(i).apply(first);
            Throwable thrown = catchThrowable(() -> sales.recordPurchase(manager, changed));
            assertThat(thrown).as("change %d", i).isInstanceOf(ConflictException.class);
            ConflictException e = (ConflictException) thrown;
            assertThat(e.code()).as("change %d", i).isEqualTo("duplicate");
            assertThat(e.field()).as("change %d", i).isEqualTo("externalReference");
            assertThat(e.existingId()).as("change %d", i).contains(recorded.id().toString());
        }
        assertThat(auditCount()).as("nothing audited").isEqualTo(audited);
        assertThat(publisher.events()).as("nothing published").isEmpty();
        assertThat(history(alice.id())).containsExactly(recorded);
        assertThat(history(bob.id())).isEmpty();
    }

    @Test
    void theSameReferenceUnderAnotherSourceIsANewPurchase() {
        PurchaseView web = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, shirt, 1, "19.90")));
        PurchaseView store = sales.recordPurchase(manager, new RecordPurchaseCommand(alice.id(), BOUGHT,
                SalesChannel.STORE, "till-3", "A-1", "EUR", List.of(line(1, shirt, 1, "19.90"))));

        assertThat(store.id()).isNotEqualTo(web.id());
        assertThat(store.source()).isEqualTo("till-3");
        assertThat(web.source()).isEqualTo(SHOP);
        assertThat(history(alice.id())).containsExactlyInAnyOrder(web, store);
        assertThat(eventsOf(PurchaseRecorded.class)).hasSize(2);
        assertThat(auditCount(AuditOutcome.SUCCESS, "purchase.record")).isEqualTo(2);
    }

    @Test
    void anAnonymousSaleIsRecordedByASalesManagerOrTheSystemAndReachedOnlyByUnrestrictedGrants() {
        PurchaseView byManager = sales.recordPurchase(manager, purchase(null, "CASH-1", BOUGHT,
                line(1, mug, 1, "7.50")));
        PurchaseView bySystem = sales.recordPurchase(SYSTEM, purchase(null, "CASH-2", BOUGHT,
                line(1, shirt, 2, "19.90")));

        assertThat(byManager.customer()).isNull();
        assertThat(bySystem.customer()).isNull();
        assertThat(bySystem.total()).isEqualTo(Money.of("39.80", "EUR"));
        assertThat(publisher.events()).containsExactly(
                new PurchaseRecorded(byManager.id(), null, clock.instant()),
                new PurchaseRecorded(bySystem.id(), null, clock.instant()));
        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        assertThat(sales.findById(agent, byManager.id())).contains(byManager);
        Actor supportManager = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_MANAGER);
        assertThat(sales.recordReturn(supportManager, new RecordReturnCommand(byManager.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), 0L)).refunded()).isEqualTo(Money.of("7.50", "EUR"));

        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        long audited = auditCount();
        assertThat(denied(() -> sales.recordPurchase(rep, purchase(null, "CASH-3", BOUGHT,
                line(1, mug, 1, "7.50")))).permission()).isEqualTo(SalesPermission.SALES_RECORD);
        assertThat(denied(() -> sales.findById(rep, bySystem.id())).permission()).isEqualTo(SalesPermission.SALES_VIEW);
        assertThat(denied(() -> sales.findById(Actor.customer(alice.id()), bySystem.id())).permission())
                .isEqualTo(SalesPermission.SALES_VIEW);
        assertThat(auditCount()).as("three DENIED entries").isEqualTo(audited + 3);
        assertThat(store.unitOfWork().inTransaction(() -> store.purchases()
                .findByReference(SHOP, "CASH-3"))).as("the rep's sale").isEmpty();
        assertThat(history(alice.id())).isEmpty();
        assertThat(sales.totals(manager, alice.id()).currencies()).isEmpty();
    }

    @Test
    void aSalesRepRecordsAndReadsPurchasesOfTheCustomersTheyManageOnly() {
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        CustomerView carla = crm.customers().register(rep, RegisterCustomerCommand.selfSignUp("Carla", "Cruz",
                "carla@example.org", null, false));
        assertThat(carla.accountManager()).as("a rep manages whom they register")
                .isEqualTo(((Actor.Staff) rep).id());

        PurchaseView p = sales.recordPurchase(rep, purchase(carla.id(), "C-1", BOUGHT, line(1, mug, 2, "7.50")));
        assertThat(sales.findById(rep, p.id())).contains(p);
        assertThat(sales.history(rep, new PurchaseHistoryQuery(carla.id(), PageRequest.first(10))).items())
                .containsExactly(p);
        assertThat(sales.totals(rep, carla.id()).currencies()).hasSize(1);

        PurchaseView alices = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, mug, 1, "7.50")));
        denied(() -> sales.recordPurchase(rep, purchase(alice.id(), "A-2", BOUGHT, line(1, mug, 1, "7.50"))));
        denied(() -> sales.findById(rep, alices.id()));
        denied(() -> sales.history(rep, new PurchaseHistoryQuery(alice.id(), PageRequest.first(10))));
        denied(() -> sales.totals(rep, alice.id()));
        denied(() -> sales.recordReturn(rep, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), null)));
        assertThat(history(alice.id())).containsExactly(alices);
        assertThat(sales.findById(SYSTEM, p.id())).contains(p);
    }

    @Test
    void aCustomerReadsTheirOwnPurchasesOnly() {
        PurchaseView alices = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, mug, 1, "7.50")));
        PurchaseView bobs = sales.recordPurchase(manager, purchase(bob.id(), "B-1", BOUGHT,
                line(1, mug, 1, "7.50")));
        Actor asAlice = Actor.customer(alice.id());
        assertThat(sales.findById(asAlice, alices.id())).contains(alices);
        assertThat(sales.history(asAlice, new PurchaseHistoryQuery(alice.id(), PageRequest.first(10))).items())
                .containsExactly(alices);
        assertThat(sales.totals(asAlice, alice.id()).currencies()).hasSize(1);
        denied(() -> sales.findById(asAlice, bobs.id()));
        denied(() -> sales.history(asAlice, new PurchaseHistoryQuery(bob.id(), PageRequest.first(10))));
        denied(() -> sales.totals(asAlice, bob.id()));
        denied(() -> sales.recordPurchase(asAlice, purchase(alice.id(), "A-2", BOUGHT, line(1, mug, 1, "7.50"))));
        denied(() -> sales.recordReturn(asAlice, new RecordReturnCommand(alices.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), null)));
    }

    // ---- history and totals --------------------------------------------------------------------------------------

    @Test
    void theHistoryIsNewestFirstKeysetPagedAndBreaksTiesInTimeByIdNewestFirst() {
        Instant t1 = Instant.parse("2026-01-10T10:00:00Z");
        Instant t2 = Instant.parse("2026-01-20T10:00:00Z");
        Instant t3 = Instant.parse("2026-02-01T10:00:00Z");
        Instant t4 = Instant.parse("2026-02-14T10:00:00Z");
        // recorded out of time order; two at t3 (a tie)
        PurchaseView p3a = record(alice.id(), "A-3a", t3);
        PurchaseView p1 = record(alice.id(), "A-1", t1);
        PurchaseView p4 = record(alice.id(), "A-4", t4);
        PurchaseView p2 = record(alice.id(), "A-2", t2);
        PurchaseView p3b = record(alice.id(), "A-3b", t3);
        record(bob.id(), "B-1", t3);
        record(null, "CASH-1", t3);
        assertThat(UuidV7.compareBytes(p3b.id().value(), p3a.id().value()))
                .as("the later recording of the tie has the greater id").isPositive();

        PurchaseHistoryQuery query = new PurchaseHistoryQuery(alice.id(), PageRequest.first(2));
        Page<PurchaseView> first = sales.history(manager, query);
        Page<PurchaseView> second = sales.history(manager, query.next(first));
        Page<PurchaseView> third = sales.history(manager, query.next(second));

        assertThat(first.items()).containsExactly(p4, p3b);
        assertThat(second.items()).as("the tie split across pages").containsExactly(p3a, p2);
        assertThat(third.items()).containsExactly(p1);
        assertThat(third.hasNext()).isFalse();
        assertThat(sales.history(manager, new PurchaseHistoryQuery(alice.id(), PageRequest.first(5))))
                .satisfies(all -> {
                    assertThat(all.items()).containsExactly(p4, p3b, p3a, p2, p1);
                    assertThat(all.hasNext()).as("exactly one page").isFalse();
                });
        assertThat(sales.history(manager, new PurchaseHistoryQuery(alice.id(), PageRequest.first(4))).hasNext())
                .isTrue();
        assertThat(sales.history(manager, new PurchaseHistoryQuery(CustomerId.next(clock), PageRequest.first(5)))
                .items()).as("a customer without purchases").isEmpty();
    }

    @Test
    void totalsArePerCurrencyWithCountAmountAsBoughtAndTheFirstAndLastPurchaseTime() {
        Instant t1 = Instant.parse("2026-01-10T10:00:00Z");
        Instant t2 = Instant.parse("2026-01-20T10:00:00Z");
        Instant t3 = Instant.parse("2026-02-01T10:00:00Z");
        PurchaseView late = sales.recordPurchase(manager, purchase(alice.id(), "A-3", t3,
                line(1, mug, 2, "7.50")));
        sales.recordPurchase(manager, purchase(alice.id(), "A-1", t1, line(1, shirt, 3, "19.90"),
                line(2, mug, 1, "0")));
        sales.recordPurchase(manager, new RecordPurchaseCommand(alice.id(), t2, SalesChannel.STORE, SHOP, "A-2",
                "CHF", List.of(line(1, shirt, 2, "12.3456"))));
        sales.recordPurchase(manager, purchase(bob.id(), "B-1", t2, line(1, shirt, 1, "19.90")));
        sales.recordPurchase(manager, purchase(null, "CASH-1", t2, line(1, shirt, 1, "19.90")));
        sales.recordReturn(manager, new RecordReturnCommand(late.id(), List.of(new RecordReturnCommand.Line(1, 2)),
                null));

        PurchaseTotals totals = sales.totals(manager, alice.id());

        assertThat(totals.customerId()).isEqualTo(alice.id());
        assertThat(totals.currencies()).as("by currency code").containsExactly(
                new PurchaseTotals.InCurrency(CHF, 1, MoneyTotal.of("24.6912", "CHF"), t2, t2),
                new PurchaseTotals.InCurrency(EUR, 2, MoneyTotal.of("74.70", "EUR"), t1, t3));
        assertThat(sales.totals(manager, bob.id()).currencies()).containsExactly(
                new PurchaseTotals.InCurrency(EUR, 1, MoneyTotal.of("19.90", "EUR"), t2, t2));
        PurchaseTotals none = sales.totals(manager, register("Dora", "Dunn", "dora@example.org").id());
        assertThat(none.currencies()).isEmpty();
    }

    // ---- returns -------------------------------------------------------------------------------------------------

    @Test
    void partialAndFullReturnsPerLineRefundQuantityTimesUnitPriceAndNeverMoreThanIsLeft() {
        PurchaseView p = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, shirt, 3, "19.90"), line(2, mug, 2, "7.50")));
        publisher.clear();
        clock.advance(Duration.ofHours(1));
        Instant firstAt = clock.instant();

        PurchaseView partly = sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), 0L));

        assertThat(partly.version()).isEqualTo(1);
        assertThat(partly.lines()).containsExactly(
                new PurchaseLine(1, shirt.id(), 3, Money.of("19.90", "EUR"), 1),
                new PurchaseLine(2, mug.id(), 2, Money.of("7.50", "EUR"), 0));
        assertThat(partly.total()).as("the total as bought").isEqualTo(Money.of("74.70", "EUR"));
        assertThat(partly.refunded()).isEqualTo(Money.of("19.90", "EUR"));
        assertThat(partly.returns()).singleElement().satisfies(r -> {
            assertThat(r.occurredAt()).isEqualTo(firstAt);
            assertThat(r.lines()).containsExactly(new ReturnLine(1, 1, Money.of("19.90", "EUR")));
            assertThat(r.refund()).isEqualTo(Money.of("19.90", "EUR"));
        });
        UUID firstReturn = partly.returns().get(0).id();
        assertThat(publisher.events()).hasSize(2).first().isEqualTo(new PurchaseReturned(p.id(), firstReturn, firstAt));
        assertThat(publisher.events().get(1)).as("then the points the shirt earned, taken back: 59 / 3")
                .isInstanceOfSatisfying(PointsPosted.class, e -> {
                    assertThat(e.kind()).isEqualTo(EntryKind.CLAWBACK);
                    assertThat(e.points()).isEqualTo(-19);
                });
        assertThat(publisher.insideTransaction()).containsExactly(false, false);
        assertThat(sales.findById(SYSTEM, p.id())).contains(partly);

        clock.advance(Duration.ofHours(1));
        Instant secondAt = clock.instant();
        PurchaseView rest = sales.recordReturn(SYSTEM, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(2, 2), new RecordReturnCommand.Line(1, 2)), 1L));

        assertThat(rest.version()).isEqualTo(2);
        assertThat(rest.lines()).extracting(PurchaseLine::returned).containsExactly(3, 2);
        assertThat(rest.lines()).extracting(PurchaseLine::returnable).containsOnly(0);
        assertThat(rest.returns()).hasSize(2);
        PurchaseReturn second = rest.returns().get(1);
        assertThat(rest.returns().get(0)).isEqualTo(partly.returns().get(0));
        assertThat(second.occurredAt()).isEqualTo(secondAt);
        assertThat(second.lines()).as("by line number").containsExactly(
                new ReturnLine(1, 2, Money.of("39.80", "EUR")),
                new ReturnLine(2, 2, Money.of("15.00", "EUR")));
        assertThat(second.refund()).isEqualTo(Money.of("54.80", "EUR"));
        assertThat(rest.refunded()).as("everything given back").isEqualTo(rest.total());
        assertThat(eventsOf(PurchaseReturned.class)).containsExactly(new PurchaseReturned(p.id(), firstReturn, firstAt),
                new PurchaseReturned(p.id(), second.id(), secondAt));
        assertThat(auditOf(p.id())).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder("purchase.record", "purchase.return", "purchase.return");

        long audited = auditCount();
        publisher.clear();
        for (RecordReturnCommand.Line more : List.of(new RecordReturnCommand.Line(1, 1),
                new RecordReturnCommand.Line(2, 1))) {
            BusinessRuleViolationException e = catchThrowableOfType(() -> sales.recordReturn(manager,
                    new RecordReturnCommand(p.id(), List.of(more), null)), BusinessRuleViolationException.class);
            assertThat(e.code()).isEqualTo("return_exceeds_purchase");
        }
        assertThat(sales.findById(SYSTEM, p.id())).contains(rest);
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void askingBackMoreThanWasBoughtAndNotYetReturnedIsRefusedAndChangesNoLine() {
        PurchaseView p = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, shirt, 3, "19.90"), line(2, mug, 2, "7.50")));
        assertThat(catchThrowableOfType(() -> sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 4)), null)), BusinessRuleViolationException.class).code())
                .isEqualTo("return_exceeds_purchase");
        PurchaseView partly = sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 2)), null));
        publisher.clear();
        // line 2 would be fine, line 1 has only one left: the whole return is refused
        assertThat(catchThrowableOfType(() -> sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(2, 1), new RecordReturnCommand.Line(1, 2)), null)),
                BusinessRuleViolationException.class).code()).isEqualTo("return_exceeds_purchase");
        assertThat(sales.findById(SYSTEM, p.id())).contains(partly);
        assertThat(publisher.events()).isEmpty();
        assertThat(sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), null)).lines().get(0).returnable()).isZero();
    }

    // ---- erasure -------------------------------------------------------------------------------------------------

    @Test
    void anErasedCustomersPurchasesAndTotalsRemainReadableByStaffWithoutPersonalData() {
        PurchaseView p = sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, shirt, 1, "19.90")));
        PurchaseView returned = sales.recordReturn(manager, new RecordReturnCommand(p.id(),
                List.of(new RecordReturnCommand.Line(1, 1)), null));
        PurchaseTotals before = sales.totals(manager, alice.id());
        crm.customers().erase(SYSTEM, alice.id());
        assertThat(crm.customers().findById(SYSTEM, alice.id()).orElseThrow().isErased()).isTrue();

        Actor agent = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        for (Actor staff : List.of(manager, agent, SYSTEM)) {
            assertThat(sales.findById(staff, p.id())).contains(returned);
            assertThat(sales.history(staff, new PurchaseHistoryQuery(alice.id(), PageRequest.first(10))).items())
                    .containsExactly(returned);
            assertThat(sales.totals(staff, alice.id())).isEqualTo(before);
        }
        String view = returned.toString() + sales.totals(manager, alice.id());
        for (String personal : List.of("Alice", "Anders", "alice@example.org", "alice")) {
            assertThat(view).as("the purchase view and totals hold no personal data").doesNotContainIgnoringCase(
                    personal);
        }
        assertThat(PurchaseView.class.getRecordComponents()).extracting(c -> c.getName()).containsExactly("id",
                "version", "customer", "occurredAt", "channel", "source", "externalReference", "lines", "total",
                "refunded", "returns", "recordedAt");
    }

    @Test
    void aPurchaseForAnErasedCustomerIsRefused() {
        crm.customers().erase(SYSTEM, alice.id());
        long audited = auditCount();
        publisher.clear();
        BusinessRuleViolationException e = catchThrowableOfType(() -> sales.recordPurchase(manager,
                purchase(alice.id(), "A-1", BOUGHT, line(1, shirt, 1, "19.90"))), BusinessRuleViolationException.class);
        assertThat(e.code()).isEqualTo("customer_erased");
        assertThat(history(alice.id())).isEmpty();
        assertThat(auditCount()).isEqualTo(audited);
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void aPurchaseOfAnUnknownProductIsNotFound() {
        ProductId unknown = ProductId.next(clock);
        NotFoundException e = catchThrowableOfType(() -> sales.recordPurchase(manager, purchase(alice.id(), "A-1",
                BOUGHT, line(1, shirt, 1, "19.90"), new RecordPurchaseCommand.Line(2, unknown, 1,
                        BigDecimal.ONE))), NotFoundException.class);
        assertThat(e.code()).isEqualTo("not_found");
        assertThat(e.type()).isEqualTo("product");
        assertThat(e.id()).isEqualTo(unknown.toString());
        assertThat(history(alice.id())).isEmpty();
        assertThat(publisher.events()).isEmpty();
    }

    @Test
    void aRetiredProductIsNoLongerSoldAndAnUnknownPurchaseIsNotFoundOrEmpty() {
        crm.products().retire(SYSTEM, new org.crmkit.core.product.port.in.RetireProductCommand(mug.id(), null));
        assertThatThrownBy(() -> sales.recordPurchase(manager, purchase(alice.id(), "A-1", BOUGHT,
                line(1, mug, 1, "7.50")))).isInstanceOfSatisfying(CrmException.class, e -> assertThat(e.code()).isEqualTo("product_retired"));
        assertThat(store.unitOfWork().inTransaction(() -> store.purchases()
                .findByReference(SHOP, "A-1"))).as("nothing recorded").isEmpty();
        PurchaseId unknown = PurchaseId.next(clock);
        assertThat(sales.findById(manager, unknown)).isEmpty();
        NotFoundException e = catchThrowableOfType(() -> sales.recordReturn(manager, new RecordReturnCommand(unknown,
                List.of(new RecordReturnCommand.Line(1, 1)), null)), NotFoundException.class);
        assertThat(e.type()).isEqualTo("purchase");
        assertThat(e.id()).isEqualTo(unknown.toString());
    }

    @Test
    void aSalesRepsConflictDoesNotNameAPurchaseOfACustomerTheyDoNotManage() {
        StaffId repId = StaffId.next(clock);
        Actor rep = TestStaff.enrol(crm, repId, Role.SALES_REP);
        crm.customers().assignAccountManager(SYSTEM, new org.crmkit.core.customer.port.in
                .AssignAccountManagerCommand(bob.id(), repId, null));
        PurchaseView alices = sales.recordPurchase(manager, purchase(alice.id(), "SHARED-1", BOUGHT,
                line(1, mug, 1, "7.50")));

        ConflictException forRep = catchThrowableOfType(() -> sales.recordPurchase(rep, purchase(bob.id(),
                "SHARED-1", BOUGHT, line(1, mug, 1, "7.50"))), ConflictException.class);
        ConflictException forManager = catchThrowableOfType(() -> sales.recordPurchase(manager, purchase(bob.id(),
                "SHARED-1", BOUGHT, line(1, mug, 1, "7.50"))), ConflictException.class);

        assertThat(forRep.code()).isEqualTo("duplicate");
        assertThat(forRep.existingId()).isEmpty();
        assertThat(forRep.getMessage()).doesNotContain(alices.id().toString());
        assertThat(forManager.existingId()).contains(alices.id().toString());
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private CustomerView register(String first, String last, String email) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(first, last, email, null, false));
    }

    private static RecordPurchaseCommand.Line line(int number, ProductView product, int quantity, String price) {
        return new RecordPurchaseCommand.Line(number, product.id(), quantity, new BigDecimal(price));
    }

    private static RecordPurchaseCommand purchase(CustomerId customer, String reference, Instant at,
                                                  RecordPurchaseCommand.Line... lines) {
        return new RecordPurchaseCommand(customer, at, SalesChannel.STORE, SHOP, reference, "EUR", List.of(lines));
    }

    private static RecordPurchaseCommand withLines(RecordPurchaseCommand c, RecordPurchaseCommand.Line... lines) {
        return new RecordPurchaseCommand(c.customerId(), c.occurredAt(), c.channel(), c.source(),
                c.externalReference(), c.currency(), List.of(lines));
    }

    /** Records a one-line purchase as the manager, one minute later on the clock than the previous one. */
    private PurchaseView record(CustomerId customer, String reference, Instant at) {
        clock.advance(Duration.ofMinutes(1));
        return sales.recordPurchase(manager, purchase(customer, reference, at, line(1, mug, 1, "7.50")));
    }

    private List<PurchaseView> history(CustomerId customer) {
        return sales.history(SYSTEM, new PurchaseHistoryQuery(customer, PageRequest.first(PageRequest.MAX_SIZE)))
                .items();
    }

    private AccessDeniedException denied(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        long successes = auditCount(AuditOutcome.SUCCESS, null);
        long audited = auditCount();
        publisher.clear();
        AccessDeniedException e = catchThrowableOfType(call, AccessDeniedException.class);
        assertThat(e.code()).isEqualTo("access_denied");
        assertThat(auditCount()).as("one DENIED entry").isEqualTo(audited + 1);
        assertThat(auditCount(AuditOutcome.SUCCESS, null)).isEqualTo(successes);
        assertThat(publisher.events()).isEmpty();
        return e;
    }

    private static <T extends Throwable> T catchThrowableOfType(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Class<T> type) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).isInstanceOf(type);
        return type.cast(thrown);
    }

    /** @return the published events of one type (a customer's purchase and return also post loyalty points) */
    private <T extends DomainEvent> List<T> eventsOf(Class<T> type) {
        return publisher.events().stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<AuditEntry> auditOf(PurchaseId id) {
        return store.unitOfWork()
                .inTransaction(() -> store.auditLog().findByTarget("purchase", id.value()));
    }

    private long auditCount() {
        return store.auditLog().count();
    }

    private long auditCount(AuditOutcome outcome, String action) {
        return store.auditLog().search(new AuditCriteria(null, null, action, null, null, null, null, null,
                outcome), Integer.MAX_VALUE).size();
    }
}
