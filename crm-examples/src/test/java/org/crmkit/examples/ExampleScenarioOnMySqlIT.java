package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.crmkit.core.sales.SalesPermission;

/**
 * The example host's scenarios on MySQL, twice on one database (as a host re-running the example would): the first
 * run bootstraps the administrator, the second is refused ({@code admin_exists}) and logs in as that administrator.
 * The second run's catalog, order references, sign-up, redemption keys and CSV import live next to the first's:
 * everything carries the run token.
 */
class ExampleScenarioOnMySqlIT {

    @Test
    void theScenariosRunOnMySqlAndCanBeRepeated() {
        TestDatabase.get().emptyPersistence();
        StaffScenario.Result first = null;
        for (String run : new String[] {"run1", "run2"}) {
            Clock clock = Clock.systemUTC();
            TicketScenario.Inbox inbox = new TicketScenario.Inbox();
            Mailbox mailbox = new Mailbox();
            CrmPersistence persistence = TestDatabase.get().persistence();
            Crm crm = Crm.builder().clock(clock).persistence(persistence)
                    .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                    .loyaltyProgram(LoyaltyScenario.program(clock)).slaBreachNotifier(inbox)
                    .contactVerificationNotifier(mailbox).build();
            ByteArrayOutputStream transcript = new ByteArrayOutputStream();
            PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
            StaffScenario.Result staff = new StaffScenario(crm, clock, out).run(run);
            CustomerScenario.Result result = new CustomerScenario(crm, clock, out, mailbox).run(run, staff.crmManager());
            SalesScenario.Result sales = new SalesScenario(crm, clock, out, mailbox).run(run, staff, result);
            LoyaltyScenario.Result loyalty = new LoyaltyScenario(crm, clock, out).run(run, staff, sales);
            QuoteScenario.Result quote = new QuoteScenario(crm, clock, out).run(run, staff, sales);
            LeadScenario.Result lead = new LeadScenario(crm, clock, out).run(run, staff);
            TaskScenario.Result tasks = new TaskScenario(crm, clock, out, notifier -> Crm.builder()
                    .persistence(persistence).clock(Clock.offset(clock, TaskScenario.JOB_RUNS_LATER))
                    .reminderNotifier(notifier).build()).run(run, staff, result);
            assertThat(tasks.firstRun().sent()).as("only this run's reminder is due").isEqualTo(1);
            assertThat(tasks.secondRun().due()).isZero();
            assertThat(tasks.completed().status()).isEqualTo(org.crmkit.core.task.TaskStatus.COMPLETED);
            FeedbackScenario.Result feedback = new FeedbackScenario(crm, clock, out).run(run, staff, sales);
            TicketScenario.Result tickets = new TicketScenario(crm, clock, out, inbox, Crm.builder()
                    .persistence(persistence).clock(Clock.offset(clock, TicketScenario.SLA_JOB_RUNS_LATER))
                    .slaBreachNotifier(inbox).build()).run(run, staff, sales);

            assertStaff(crm, run, staff);
            if (first == null) {
                assertThat(staff.adminBootstrapped()).isTrue();
                assertThat(staff.dailyActivity()).containsExactly(new DailyActivity(staff.day(), 6, 6));
                first = staff;
            } else {
                assertThat(staff.adminBootstrapped()).isFalse();
                assertThat(staff.admin().profile().id()).isEqualTo(first.admin().profile().id());
                assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("refused: code=admin_exists");
                // the administrator logged in once per run, the five users of each run once, and the first run's
                // two customers signed up (the customer scenario's visitor and the sales scenario's; a sign-up logs
                // in) after its staff scenario had read the day's activity
                assertThat(staff.dailyActivity()).containsExactly(staff.day().equals(first.day())
                        ? new DailyActivity(staff.day(), 14, 13) : new DailyActivity(staff.day(), 6, 6));
            }

            assertThat(result.registered()).hasSize(3);
            assertThat(result.duplicate().code()).isEqualTo("duplicate");
            assertThat(result.pages()).flatExtracting(Page::items).extracting(CustomerView::lastName)
                    .containsExactly("Hopper", "Kierkegaard", "Lovelace", "Turing");
            assertThat(result.exportJson()).contains("ada.lovelace+" + run + "@example.com");
            assertThat(result.erased().status()).isEqualTo(CustomerStatus.ERASED);
            assertThat(result.erased().email()).isNull();
            assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("rejected: code=duplicate")
                    .doesNotContain("$pbkdf2");

            assertSales(crm, run, result, sales);
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("same purchase as before: true")
                    .contains("rejected: code=duplicate field=externalReference")
                    .contains("sales rep refused: code=access_denied");

            assertLoyalty(crm, staff, sales, loyalty);
            assertThat(transcript.toString(StandardCharsets.UTF_8))
                    .contains("same entry as before: true")
                    .contains("refused: code=insufficient_points details={balance=139, requested=500}")
                    .contains("rejected: line 7  field=occurredAt")
                    .contains("customer 17850-" + run.toUpperCase(Locale.ROOT) + ": balance still 122");

            assertThat(quote.accepted().status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.ACCEPTED);
            assertThat(quote.acceptedAgain()).isEqualTo(quote.accepted());
            assertThat(quote.history().items()).singleElement().satisfies(p -> {
                assertThat(p.id()).isEqualTo(quote.accepted().purchase());
                assertThat(p.externalReference()).isEqualTo(quote.accepted().id().toString());
            });
            assertThat(quote.statement().account().balance()).isEqualTo(576);
            assertThat(quote.otherCustomer().code()).isEqualTo("access_denied");
            assertThat(lead.won().stage()).isEqualTo(org.crmkit.core.lead.LeadStage.WON);
            assertThat(lead.won().history()).hasSize(4);
            assertThat(lead.conversion().linkedExisting()).as("each run's lead is a new person").isFalse();
            assertThat(lead.timeline()).hasSize(2).allSatisfy(i -> assertThat(i.customerId())
                    .isEqualTo(lead.conversion().customerId()));
            assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("refused: invalid_command [reason]")
                    .contains("QUALIFIED -> WON");

            // each run rates its own notebook: the statistics are this run's two ratings
            assertThat(feedback.statistics().count()).isEqualTo(2);
            assertThat(feedback.statistics().average()).contains(new java.math.BigDecimal("3.50"));
            assertThat(feedback.duplicate().field()).isEqualTo("productId");
            assertThat(feedback.mine().items()).singleElement()
                    .satisfies(v -> assertThat(v.response()).isNotNull());

            String forgotten = tickets.forgotten().id().toString();
            assertThat(tickets.notices()).containsExactly(forgotten + " FIRST_RESPONSE", forgotten + " RESOLUTION");
            assertThat(tickets.secondRun().notified()).isZero();
            assertThat(tickets.customerView().comments()).noneMatch(c -> c.internal());
            assertThat(tickets.waiting().resolutionDueAt()).isNull();
            assertThat(tickets.answered().resolutionDueAt()).isNotNull();
            assertThat(tickets.report().opened()).isGreaterThanOrEqualTo(2);
        }
    }

    private static void assertLoyalty(Crm crm, StaffScenario.Result staff, SalesScenario.Result sales,
                                      LoyaltyScenario.Result loyalty) {
        // what the sales scenario's purchases earned, its return took back, and the promotion doubled
        assertThat(loyalty.earned().account().balance()).isEqualTo(189);
        assertThat(loyalty.earned().entries().items()).extracting(LedgerEntryView::kind, LedgerEntryView::points,
                        LedgerEntryView::reference)
                .containsExactly(tuple(EntryKind.CLAWBACK, -12L, sales.purchaseReturn().id().toString()),
                        tuple(EntryKind.EARN, 87L, sales.second().id().toString()),
                        tuple(EntryKind.EARN, 114L, sales.first().id().toString()));
        assertThat(loyalty.earned().entries().items().get(1).lines()).extracting(EarnedLine::explanation)
                .containsExactly("43.50 CHF x 1 point(s) per unit; promotion Double points week x 2;"
                        + " rounded down: 87");
        assertThat(loyalty.earned().entries().items().get(2).lines()).extracting(EarnedLine::points)
                .containsExactly(25L, 89L);

        assertThat(loyalty.redemption().points()).isEqualTo(-50);
        assertThat(loyalty.retriedRedemption()).isEqualTo(loyalty.redemption());
        assertThat(loyalty.balanceAfterRetry()).isEqualTo(139);
        assertThat(loyalty.refusal().code()).isEqualTo("insufficient_points");
        assertThat(loyalty.refusal().details()).containsEntry("balance", "139").containsEntry("requested", "500");
        assertThat(loyalty.clawback()).extracting(LedgerEntryView::kind, LedgerEntryView::points,
                        LedgerEntryView::balanceAfter, LedgerEntryView::reference)
                .containsExactly(EntryKind.CLAWBACK, -89L, 50L, loyalty.penReturn().id().toString());
        assertThat(loyalty.afterReturn().account().tier()).isEqualTo("BRONZE");
        assertThat(loyalty.afterReturn().nextTier()).isEqualTo("SILVER");
        assertThat(loyalty.afterReturn().pointsToNextTier()).isEqualTo(900);
        assertThat(loyalty.adjustment().balanceAfter()).isEqualTo(75);
        // as stored: read back through a fresh call
        LoyaltyStatement stored = crm.loyalty().statement(staff.crmManager(), new LoyaltyStatementQuery(
                loyalty.customer().id(), PageRequest.first(10)));
        assertThat(stored.account()).isEqualTo(loyalty.statement().account());
        assertThat(stored.entries().items()).extracting(LedgerEntryView::kind).containsExactly(EntryKind.ADJUST,
                EntryKind.CLAWBACK, EntryKind.REDEEM, EntryKind.CLAWBACK, EntryKind.EARN, EntryKind.EARN);

        // the CSV import, then the same file again: this run's invoices, SKUs and customers only
        assertThat(loyalty.firstImport()).extracting(ImportSummary::linesRead, ImportSummary::linesImported,
                        ImportSummary::linesAlreadyImported, ImportSummary::linesRejected, ImportSummary::purchases,
                        ImportSummary::returns, ImportSummary::productsCreated, ImportSummary::customersCreated)
                .containsExactly(8L, 7L, 0L, 1L, 4L, 1L, 0L, 2L);
        assertThat(loyalty.firstImport().rejected()).containsExactly(
                new RejectedLine(7, "occurredAt", "must be a date and time as M/d/yyyy H:mm"));
        assertThat(loyalty.firstProgress()).last().isEqualTo(new LoyaltyScenario.Progress(8, 7, 1));
        assertThat(loyalty.importedStatement().account().balance()).isEqualTo(122);
        assertThat(loyalty.secondImport()).extracting(ImportSummary::linesImported,
                        ImportSummary::linesAlreadyImported, ImportSummary::linesRejected, ImportSummary::purchases,
                        ImportSummary::returns, ImportSummary::productsCreated, ImportSummary::customersCreated)
                .containsExactly(0L, 7L, 1L, 0L, 0L, 0L, 0L);
        assertThat(loyalty.importedAfterRerun().account()).isEqualTo(loyalty.importedStatement().account());
        assertThat(loyalty.importedAfterRerun().entries().items())
                .isEqualTo(loyalty.importedStatement().entries().items());
    }

    private static void assertSales(Crm crm, String run, CustomerScenario.Result customers,
                                    SalesScenario.Result sales) {
        String token = run.toUpperCase(Locale.ROOT);
        // this run's branch of a catalog that also holds the earlier runs'
        assertThat(sales.categoryTree()).extracting(CategoryView::name)
                .containsExactly("Stationery " + run, "Notebooks " + run);
        assertThat(sales.categoryTree().get(1).parent()).isEqualTo(sales.categoryTree().get(0).id());
        assertThat(sales.products()).extracting(ProductView::sku)
                .containsExactly("PEN-" + token + "-FP", "NB-" + token + "-A5", "NB-" + token + "-A4");
        assertThat(sales.categorySearch().items()).extracting(ProductView::sku)
                .containsExactly("NB-" + token + "-A5", "PEN-" + token + "-FP", "NB-" + token + "-A4");

        assertThat(sales.customer().id()).isEqualTo(customers.registered().get(1).id());
        assertThat(sales.first().externalReference()).isEqualTo("ORD-" + token + "-0001");
        assertThat(sales.first().total()).isEqualTo(Money.of("114.00", "EUR"));
        assertThat(sales.retried().id()).isEqualTo(sales.first().id());
        assertThat(sales.conflict().code()).isEqualTo("duplicate");
        assertThat(sales.conflict().field()).isEqualTo("externalReference");
        assertThat(sales.conflict().existingId()).contains(sales.first().id().toString());

        assertThat(sales.purchaseReturn().refund()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(sales.afterReturn().refunded()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(sales.afterReturn().lines()).extracting(PurchaseLine::returned).containsExactly(1, 0);
        // as stored, read back through a fresh call: the sales scenario's return, then the loyalty scenario's (the pen)
        PurchaseView stored = crm.sales().findById(Actor.system("it"), sales.first().id()).orElseThrow();
        assertThat(stored.returns()).hasSize(2).first().isEqualTo(sales.afterReturn().returns().get(0));
        assertThat(stored.lines()).extracting(PurchaseLine::returned).containsExactly(1, 1);

        assertThat(sales.history().items()).extracting(PurchaseView::id)
                .containsExactly(sales.second().id(), sales.first().id());
        assertThat(sales.totals().currencies()).extracting(t -> t.currency().getCurrencyCode(),
                        PurchaseTotals.InCurrency::count, PurchaseTotals.InCurrency::amount)
                .containsExactly(tuple("CHF", 1L, MoneyTotal.of("43.50", "CHF")),
                        tuple("EUR", 1L, MoneyTotal.of("114.00", "EUR")));

        assertThat(sales.ownHistory().items()).extracting(PurchaseView::id)
                .containsExactly(sales.webPurchase().id());
        assertThat(sales.customerDenial().code()).isEqualTo("access_denied");
        assertThat(sales.repDenial().code()).isEqualTo("access_denied");
        assertThat(sales.repDenial().permission()).isEqualTo(SalesPermission.SALES_VIEW);
    }

    private static void assertStaff(Crm crm, String run, StaffScenario.Result staff) {
        Actor admin = staff.admin().actor();
        assertThat(admin).isEqualTo(new Actor.Staff(staff.admin().profile().id(), Set.of(Role.ADMIN), null));
        assertThat(staff.departments()).extracting(DepartmentView::name)
                .containsExactly("Sales " + run, "Customer Care " + run);
        assertThat(staff.members()).extracting(m -> m.profile().workEmail(), StaffScenario.Member::roles)
                .containsExactly(
                        tuple("clara.meyer+" + run + "@example.com", Set.of(Role.CRM_MANAGER)),
                        tuple("samuel.okafor+" + run + "@example.com", Set.of(Role.SALES_MANAGER)),
                        tuple("rosa.diaz+" + run + "@example.com", Set.of(Role.SALES_REP)),
                        tuple("tomas.silva+" + run + "@example.com", Set.of(Role.SUPPORT_AGENT)),
                        tuple("priya.raman+" + run + "@example.com", Set.of(Role.PRODUCT_MANAGER)));
        assertThat(staff.members()).allSatisfy(m -> assertThat(m.actor()).isEqualTo(
                new Actor.Staff(m.profile().id(), m.profile().roles(), m.profile().department())));

        Actor rep = staff.member(Role.SALES_REP).actor();
        assertThat(staff.denial().code()).isEqualTo("access_denied");
        assertThat(staff.denialInTrail()).extracting(AuditEntry::actorType, AuditEntry::actorRef,
                        AuditEntry::action, AuditEntry::outcome)
                .containsExactly(tuple(ActorType.STAFF, rep.reference(), "audit.search", AuditOutcome.DENIED));
        assertThat(staff.failedLogin().code()).isEqualTo("authentication_failed");

        // the day's log also holds earlier runs' entries; this run's are its seven newest
        List<AccessLogView> log = staff.accessLog().items();
        assertThat(log).isSortedAccordingTo(Comparator.comparing(AccessLogView::at).reversed());
        List<UUID> holders = staff.members().stream().map(m -> m.profile().id().value()).toList();
        assertThat(log.subList(0, 7))
                .extracting(AccessLogView::event, AccessLogView::outcome, e -> e.holder().id(),
                        AccessLogView::sourceAddress, AccessLogView::userAgent)
                .containsExactly(
                        tuple(AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, holders.get(2), "192.0.2.66",
                                "curl/8.5.0"),
                        loginOf(staff.members().get(4)), loginOf(staff.members().get(3)),
                        loginOf(staff.members().get(2)),
                        loginOf(staff.members().get(1)), loginOf(staff.members().get(0)), loginOf(staff.admin()));

        // the customers of this run were registered by this run's CRM manager
        Actor manager = staff.crmManager();
        List<AuditEntry> registrations = crm.audit().search(admin,
                AuditQuery.all(10).by(manager).action("customer.register")).items();
        assertThat(registrations).hasSize(3).extracting(AuditEntry::outcome).containsOnly(AuditOutcome.SUCCESS);
    }

    private static org.assertj.core.groups.Tuple loginOf(StaffScenario.Member m) {
        return tuple(AccessEvent.LOGIN, AccessOutcome.SUCCESS, m.profile().id().value(), m.context().sourceAddress(),
                m.context().userAgent());
    }
}
