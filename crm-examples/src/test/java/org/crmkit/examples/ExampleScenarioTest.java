package org.crmkit.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.loyalty.EarnedLine;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.LedgerEntryView;
import org.crmkit.core.loyalty.port.in.LoyaltyAccountView;
import org.crmkit.core.loyalty.port.in.LoyaltyStatement;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.ReturnLine;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseTotals;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.RejectedLine;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.MoneyTotal;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.TaskView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.crmkit.core.audit.AuditPermission;
import org.crmkit.core.feedback.FeedbackPermission;
import org.crmkit.core.loyalty.LoyaltyPermission;
import org.crmkit.core.sales.SalesPermission;

/** The example host's scenarios on the in-memory default, asserted the way a host would check what it got back. */
class ExampleScenarioTest {
    private static final String RUN = "test1";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-14T09:26:53.589793Z"), ZoneOffset.UTC);

    private final ByteArrayOutputStream transcript = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(transcript, true, StandardCharsets.UTF_8);
    private Crm crm;
    private StaffScenario.Result staff;
    private CustomerScenario.Result result;
    private SalesScenario.Result sales;
    private LoyaltyScenario.Result loyalty;
    private QuoteScenario.Result quote;
    private LeadScenario.Result lead;
    private TaskScenario.Result tasks;
    private FeedbackScenario.Result feedback;
    private final TicketScenario.Inbox inbox = new TicketScenario.Inbox();
    private TicketScenario.Result tickets;

    @BeforeEach
    void runScenarios() {
        // a fast hasher for tests only; the example host keeps the default 600,000 iterations
        CrmPersistence persistence = Crm.inMemoryPersistence();
        Mailbox mailbox = new Mailbox();
        crm = Crm.builder().clock(CLOCK).persistence(persistence).passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .loyaltyProgram(LoyaltyScenario.program(CLOCK)).slaBreachNotifier(inbox)
                .contactVerificationNotifier(mailbox).build();
        staff = new StaffScenario(crm, CLOCK, out).run(RUN);
        result = new CustomerScenario(crm, CLOCK, out, mailbox).run(RUN, staff.crmManager());
        sales = new SalesScenario(crm, CLOCK, out, mailbox).run(RUN, staff, result);
        loyalty = new LoyaltyScenario(crm, CLOCK, out).run(RUN, staff, sales);
        quote = new QuoteScenario(crm, CLOCK, out).run(RUN, staff, sales);
        lead = new LeadScenario(crm, CLOCK, out).run(RUN, staff);
        tasks = new TaskScenario(crm, CLOCK, out, notifier -> Crm.builder().persistence(persistence)
                .clock(Clock.offset(CLOCK, TaskScenario.JOB_RUNS_LATER)).reminderNotifier(notifier).build()).run(RUN, staff, result);
        feedback = new FeedbackScenario(crm, CLOCK, out).run(RUN, staff, sales);
        tickets = new TicketScenario(crm, CLOCK, out, inbox, Crm.builder().persistence(persistence)
                .clock(Clock.offset(CLOCK, TicketScenario.SLA_JOB_RUNS_LATER)).slaBreachNotifier(inbox).build())
                .run(RUN, staff, sales);
    }

    // ---- task scenario -----------------------------------------------------------------------------------------

    @Test
    void theSalesManagerGivesTheRepATaskAboutACustomerWithAReminder() {
        TaskView created = tasks.created();
        assertThat(created.assigneeId()).isEqualTo(staff.member(Role.SALES_REP).profile().id());
        assertThat(created.createdBy()).isEqualTo(staff.member(Role.SALES_MANAGER).profile().id());
        assertThat(created.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(created.link()).isNotNull();
        assertThat(created.link().kind()).isEqualTo(TaskLinkKind.CUSTOMER);
        assertThat(created.link().id()).isNotEqualTo(result.erased().id().value());
        assertThat(created.reminderAt()).isEqualTo(created.dueAt().minus(java.time.Duration.ofHours(23)));
        assertThat(tasks.repsTasks()).extracting(TaskView::id).containsExactly(created.id());
    }

    @Test
    void theHostsReminderJobHandsTheReminderOverExactlyOnce() {
        assertThat(tasks.firstRun().sent()).isEqualTo(1);
        assertThat(tasks.firstRun().failed()).isZero();
        assertThat(tasks.secondRun().due()).isZero();
        assertThat(tasks.delivered()).singleElement().satisfies(r -> {
            assertThat(r.task()).isEqualTo(tasks.created().id());
            assertThat(r.assignee()).isEqualTo(tasks.created().assigneeId());
            assertThat(r.attempt()).isEqualTo(1);
        });
        assertThat(tasks.completed().reminderSentAt())
                .isEqualTo(CLOCK.instant().plus(TaskScenario.JOB_RUNS_LATER).truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void theRepCompletesTheTaskOnceAndTheSecondTimeIsRefused() {
        assertThat(tasks.completed().status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(tasks.completed().closedAt()).isNotNull();
        assertThat(tasks.again()).isNotNull();
        assertThat(tasks.again().code()).isEqualTo("task_closed");
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("== tasks and reminders ==")
                .contains("completing it again is refused: task_closed")
                .doesNotContain("renewal\n");
    }

    // ---- ticket scenario ---------------------------------------------------------------------------------------

    @Test
    void aTicketGoesThroughItsLifeWithItsSlaClockPausedAndResumed() {
        org.crmkit.core.ticket.port.in.TicketView submitted = tickets.submitted();
        assertThat(submitted.status()).isEqualTo(org.crmkit.core.ticket.TicketStatus.OPEN);
        assertThat(submitted.purchaseId()).isEqualTo(sales.webPurchase().id());
        // Friday 09:26:53 on Monday-to-Friday 09:00-17:00 UTC: 8h of first response end on Monday at 09:26:53
        assertThat(submitted.firstResponseDueAt()).isEqualTo(Instant.parse("2025-03-17T09:26:53.589793Z"));
        assertThat(tickets.waiting().firstRespondedAt()).isEqualTo(CLOCK.instant());
        assertThat(tickets.waiting().resolutionDueAt()).as("no due instant while waiting on the customer").isNull();
        assertThat(tickets.answered().status()).isEqualTo(org.crmkit.core.ticket.TicketStatus.IN_PROGRESS);
        assertThat(tickets.answered().resolutionDueAt()).as("the clock runs again")
                .isEqualTo(submitted.resolutionDueAt());
        assertThat(tickets.resolved().status()).isEqualTo(org.crmkit.core.ticket.TicketStatus.RESOLVED);
        assertThat(tickets.resolved().history()).extracting(h -> h.kind() + ":" + h.to()).containsExactly(
                "STATUS:OPEN", "ASSIGNMENT:department:" + staff.departments().get(1).id(),
                "ASSIGNMENT:staff:" + staff.member(Role.SUPPORT_AGENT).profile().id() + " department:"
                        + staff.departments().get(1).id(),
                "STATUS:WAITING_ON_CUSTOMER", "STATUS:IN_PROGRESS", "STATUS:RESOLVED");
    }

    @Test
    void theCustomersViewHasNoInternalComment() {
        assertThat(tickets.customerView().comments()).extracting(c -> c.body())
                .containsExactly("Sorry! Could you send a photo?", "Photo attached");
        assertThat(tickets.customerView().comments()).noneMatch(c -> c.internal());
        assertThat(tickets.customerView().history()).allMatch(h -> h.kind()
                == org.crmkit.core.ticket.HistoryKind.STATUS && h.reason() == null);
        assertThat(tickets.internalRefused().fields()).containsExactly("internal");
    }

    @Test
    void checkSlaNotifiesTheForgottenTicketsBreachesOnce() {
        String id = tickets.forgotten().id().toString();
        assertThat(tickets.notices()).containsExactly(id + " FIRST_RESPONSE", id + " RESOLUTION");
        assertThat(tickets.firstRun().notified()).isEqualTo(2);
        assertThat(tickets.secondRun().notified()).isZero();
        assertThat(inbox.notices()).hasSize(2);
    }

    @Test
    void theCrmManagerReadsTheSupportReport() {
        org.crmkit.core.ticket.port.in.SupportReport report = tickets.report();
        assertThat(report.opened()).isEqualTo(2);
        assertThat(report.resolved()).isEqualTo(1);
        assertThat(report.backlog()).isEqualTo(1);
        assertThat(report.firstResponse().median()).isEqualTo(java.time.Duration.ZERO);
        assertThat(report.categories()).extracting(c -> c.category()).containsExactly("billing", "delivery");
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("first run notified 2, second run 0");
    }

    // ---- staff scenario ----------------------------------------------------------------------------------------

    @Test
    void theFirstRunBootstrapsTheAdministratorAndLogsThemIn() {
        assertThat(staff.adminBootstrapped()).isTrue();
        StaffView admin = staff.admin().profile();
        assertThat(admin.workEmail()).isEqualTo(StaffScenario.ADMIN_EMAIL);
        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(admin.active()).isTrue();
        assertThat(staff.admin().actor()).isEqualTo(new Actor.Staff(admin.id(), Set.of(Role.ADMIN), null));

        List<AuditEntry> bootstrap = crm.audit().search(staff.admin().actor(),
                AuditQuery.all(10).action("staff.bootstrap_admin")).items();
        assertThat(bootstrap).extracting(AuditEntry::actorType, AuditEntry::targetId, AuditEntry::outcome)
                .containsExactly(tuple(ActorType.ANONYMOUS, admin.id().value(), AuditOutcome.SUCCESS));
    }

    @Test
    void aSecondRunOnTheSameStoreIsRefusedTheBootstrapAndLogsInAsTheSameAdministrator() {
        StaffScenario.Result second = new StaffScenario(crm, CLOCK, out).run("test2");

        assertThat(second.adminBootstrapped()).isFalse();
        assertThat(second.admin().profile().id()).isEqualTo(staff.admin().profile().id());
        assertThat(second.members()).extracting(m -> m.profile().workEmail())
                .allSatisfy(email -> assertThat(email).contains("+test2@"));
        assertThat(transcript.toString(StandardCharsets.UTF_8)).contains("refused: code=admin_exists");
        assertThat(crm.staff().search(staff.admin().actor(), StaffSearchQuery.withRole("ADMIN", 10)).items()).extracting(StaffView::id)
                .containsExactly(staff.admin().profile().id());
    }

    @Test
    void theAdministratorCreatesTwoDepartmentsAndFiveStaffUsers() {
        assertThat(staff.departments()).extracting(DepartmentView::name, DepartmentView::active)
                .containsExactly(tuple("Sales test1", true), tuple("Customer Care test1", true));
        assertThat(crm.departments().list(staff.crmManager())).extracting(DepartmentView::name)
                .containsExactly("Customer Care test1", "Sales test1");

        DepartmentView sales = staff.departments().get(0);
        DepartmentView care = staff.departments().get(1);
        assertThat(staff.members()).extracting(m -> m.profile().workEmail(), m -> m.profile().department(),
                        m -> m.profile().roles(), m -> m.profile().active())
                .containsExactly(
                        tuple("clara.meyer+test1@example.com", care.id(), Set.of(Role.CRM_MANAGER), true),
                        tuple("samuel.okafor+test1@example.com", sales.id(), Set.of(Role.SALES_MANAGER), true),
                        tuple("rosa.diaz+test1@example.com", sales.id(), Set.of(Role.SALES_REP), true),
                        tuple("tomas.silva+test1@example.com", care.id(), Set.of(Role.SUPPORT_AGENT), true),
                        tuple("priya.raman+test1@example.com", sales.id(), Set.of(Role.PRODUCT_MANAGER), true));

        Page<StaffView> everyone = crm.staff().search(staff.admin().actor(), StaffSearchQuery.all(20));
        assertThat(everyone.items()).hasSize(6);
        Page<StaffView> salesTeam = crm.staff().search(staff.member(Role.SALES_MANAGER).actor(),
                StaffSearchQuery.all(20));
        assertThat(salesTeam.items()).extracting(StaffView::lastName).containsExactly("Díaz", "Okafor", "Raman");
    }

    @Test
    void everyLoginReturnsAnActorWithTheStoredRolesAndDepartment() {
        assertThat(staff.members()).hasSize(5).allSatisfy(m -> assertThat(m.actor()).isEqualTo(
                new Actor.Staff(m.profile().id(), m.profile().roles(), m.profile().department())));
        assertThat(staff.members()).extracting(StaffScenario.Member::roles).containsExactly(
                Set.of(Role.CRM_MANAGER), Set.of(Role.SALES_MANAGER), Set.of(Role.SALES_REP),
                Set.of(Role.SUPPORT_AGENT), Set.of(Role.PRODUCT_MANAGER));
    }

    @Test
    void theSalesRepIsRefusedTheAuditTrailAndTheRefusalIsInIt() {
        Actor rep = staff.member(Role.SALES_REP).actor();
        AccessDeniedException denial = staff.denial();
        assertThat(denial.code()).isEqualTo("access_denied");
        assertThat(denial.permission()).isEqualTo(AuditPermission.AUDIT_VIEW);
        assertThat(denial.getMessage()).isEqualTo("staff " + rep.reference() + " may not AUDIT_VIEW");

        assertThat(staff.denialInTrail()).extracting(AuditEntry::at, AuditEntry::actorType, AuditEntry::actorRef,
                        AuditEntry::action, AuditEntry::outcome)
                .containsExactly(tuple(CLOCK.instant(), ActorType.STAFF, rep.reference(), "audit.search",
                        AuditOutcome.DENIED));
        // the administrator's own search is audited too, as a success
        assertThat(crm.audit().search(staff.admin().actor(),
                        AuditQuery.all(10).by(staff.admin().actor()).action("audit.search")).items())
                .extracting(AuditEntry::outcome).contains(AuditOutcome.SUCCESS).doesNotContain(AuditOutcome.DENIED);
    }

    @Test
    void aWrongPasswordGetsTheSameGenericErrorAsAnUnknownEmail() {
        AuthenticationFailedException failed = staff.failedLogin();
        assertThat(failed.code()).isEqualTo("authentication_failed");
        assertThat(failed.getMessage())
                .isEqualTo("the email or password is wrong, or the account may not log in now");
        assertThatThrownBy(() -> crm.accounts().authenticate("nobody+test1@example.com",
                "an entirely made up passphrase", AccessContext.unknown()))
                .isInstanceOf(AuthenticationFailedException.class).hasMessage(failed.getMessage());
    }

    @Test
    void theAccessLogOfTheDayHoldsEveryLoginWithItsContextNewestFirst() {
        StaffScenario.Member admin = staff.admin();
        StaffScenario.Member rep = staff.member(Role.SALES_REP);
        assertThat(staff.day()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(staff.accessLog().hasNext()).isFalse();
        assertThat(staff.accessLog().items()).allSatisfy(e -> assertThat(e.at()).isEqualTo(CLOCK.instant()));
        assertThat(staff.accessLog().items())
                .extracting(AccessLogView::event, AccessLogView::outcome, e -> e.holder().id(),
                        AccessLogView::sourceAddress, AccessLogView::userAgent)
                .containsExactly(
                        tuple(AccessEvent.LOGIN, AccessOutcome.BAD_CREDENTIALS, rep.profile().id().value(),
                                "192.0.2.66", "curl/8.5.0"),
                        loginOf(staff.members().get(4)), loginOf(staff.members().get(3)),
                        loginOf(staff.members().get(2)),
                        loginOf(staff.members().get(1)), loginOf(staff.members().get(0)), loginOf(admin));
        assertThat(staff.accessLog().items()).extracting(e -> e.holder().kind()).containsOnly(AccountHolder.Kind.STAFF);
    }

    private static org.assertj.core.groups.Tuple loginOf(StaffScenario.Member m) {
        return tuple(AccessEvent.LOGIN, AccessOutcome.SUCCESS, m.profile().id().value(), m.context().sourceAddress(),
                m.context().userAgent());
    }

    @Test
    void theDailyActivityCountsTheSuccessfulLoginsOfTheDay() {
        assertThat(staff.dailyActivity()).containsExactly(new DailyActivity(LocalDate.of(2025, 3, 14), 6, 6));
    }

    // ---- customer scenario, as the CRM manager -----------------------------------------------------------------

    @Test
    void theCustomersAreRegisteredByTheCrmManagerWhoLoggedIn() {
        Actor manager = staff.crmManager();
        List<AuditEntry> registrations = crm.audit().search(staff.admin().actor(),
                AuditQuery.all(10).action("customer.register")).items();
        assertThat(registrations).extracting(AuditEntry::actorType, AuditEntry::actorRef)
                .containsExactlyInAnyOrder(tuple(ActorType.STAFF, manager.reference()),
                        tuple(ActorType.STAFF, manager.reference()), tuple(ActorType.STAFF, manager.reference()),
                        // the visitor of the customer scenario, and the one who signs up in the sales scenario
                        tuple(ActorType.ANONYMOUS, ""), tuple(ActorType.ANONYMOUS, ""),
                        // the two customers the loyalty scenario's CSV import creates for unknown references, as
                        // the sales manager who runs it
                        tuple(ActorType.STAFF, staff.member(Role.SALES_MANAGER).actor().reference()),
                        tuple(ActorType.STAFF, staff.member(Role.SALES_MANAGER).actor().reference()),
                        // the customer the sales rep registers in the quote scenario
                        tuple(ActorType.STAFF, staff.member(Role.SALES_REP).actor().reference()),
                        // the lead the sales rep converts in the lead scenario
                        tuple(ActorType.STAFF, staff.member(Role.SALES_REP).actor().reference()));
        assertThat(transcript.toString(StandardCharsets.UTF_8))
                .contains("== Staff " + manager.reference() + " (roles [CRM_MANAGER]) register three customers");
    }

    @Test
    void staffRegisterThreeActiveCustomers() {
        assertThat(result.registered()).hasSize(3)
                .allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(CustomerStatus.ACTIVE);
                    assertThat(c.version()).isZero();
                    assertThat(c.registeredAt()).isEqualTo(CLOCK.instant());
                });
        assertThat(result.registered()).extracting(CustomerView::email).containsExactly(
                "ada.lovelace+test1@example.com", "alan.turing+test1@example.com",
                "soren.kierkegaard+test1@example.com");
        assertThat(result.registered().get(0).phone()).startsWith("+4144").hasSize(12);
        assertThat(result.registered().get(2).firstName()).isEqualTo("Søren");
        assertThat(result.registered().get(2).address().countryCode()).isEqualTo("DK");
    }

    @Test
    void aVisitorRegistersThemselfFromTheWeb() {
        assertThat(result.selfRegistered().source()).isEqualTo(CustomerSource.WEB);
        assertThat(result.selfRegistered().marketingConsent()).isTrue();
        assertThat(result.selfRegistered().marketingConsentAt()).isEqualTo(CLOCK.instant());
    }

    @Test
    void theSameEmailInAnotherCaseIsRejectedAsDuplicate() {
        assertThat(result.duplicate().code()).isEqualTo("duplicate");
        assertThat(result.duplicate().field()).isEqualTo("email");
        String firstId = result.registered().get(0).id().toString();
        assertThat(result.duplicate().existingId()).contains(firstId);
        assertThat(result.duplicate().getMessage()).isEqualTo("email is already used by customer " + firstId)
                .doesNotContain("@");
    }

    @Test
    void theSearchPagesByNameTwoAtATime() {
        List<Page<CustomerView>> pages = result.pages();
        assertThat(pages).extracting(p -> p.items().size()).containsExactly(2, 2);
        assertThat(pages).extracting(Page::hasNext).containsExactly(true, false);
        assertThat(pages).flatExtracting(Page::items).extracting(CustomerView::lastName)
                .containsExactly("Hopper", "Kierkegaard", "Lovelace", "Turing");
    }

    @Test
    void theExportHoldsTheProfileAndTheAuditTrail() {
        CustomerView ada = result.registered().get(0);
        assertThat(result.export().customerId()).isEqualTo(ada.id());
        assertThat(result.export().profile()).isEqualTo(ada);
        assertThat(result.export().activity()).extracting(a -> a.action()).containsExactly("customer.register");
        assertThat(result.exportJson())
                .contains("\"email\" : \"ada.lovelace+test1@example.com\"")
                .contains("\"customerId\" : \"" + ada.id() + "\"")
                .contains("\"registeredAt\" : \"2025-03-14T09:26:53.589793Z\"")
                .contains("\"dateOfBirth\" : \"1815-12-10\"");
    }

    @Test
    void theErasedRecordKeepsItsIdButNoPersonalData() {
        CustomerView erased = result.erased();
        assertThat(erased.id()).isEqualTo(result.registered().get(0).id());
        assertThat(erased.status()).isEqualTo(CustomerStatus.ERASED);
        assertThat(erased.firstName()).isNull();
        assertThat(erased.lastName()).isNull();
        assertThat(erased.email()).isNull();
        assertThat(erased.phone()).isNull();
        assertThat(erased.address()).isNull();
        assertThat(erased.dateOfBirth()).isNull();
        assertThat(erased.version()).isEqualTo(1);

        // support agents see every customer; a sales rep only those they manage, and this one is not theirs
        assertThat(crm.customers().findById(staff.member(Role.SUPPORT_AGENT).actor(), erased.id())).contains(erased);
        assertThatThrownBy(() -> crm.customers().findById(staff.member(Role.SALES_REP).actor(), erased.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theTranscriptNamesEveryStepAndPrintsNoPasswordHash() {
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("bootstrapped " + staff.admin().profile().id())
                .contains("\"Sales test1\" active=true")
                .contains("rosa.diaz+test1@example.com          -> staff " + staff.member(Role.SALES_REP).actor()
                        .reference() + " roles=[SALES_REP] department=Sales test1")
                .contains("refused: code=access_denied permission=AUDIT_VIEW action=audit.search")
                .contains("audit.search on audit_trail  DENIED")
                .contains("refused: code=authentication_failed")
                .contains("LOGIN  BAD_CREDENTIALS staff rosa.diaz+test1@example.com")
                .contains("from 192.0.2.66 \"curl/8.5.0\"")
                .contains("2025-03-14  logins=6 activeUsers=6")
                .contains("rejected: code=duplicate field=email")
                .contains("page 1: Hopper, Grace; Kierkegaard, Søren")
                .contains("page 2: Lovelace, Ada; Turing, Alan  (last page)")
                .contains("status=ERASED version=1 firstName=null lastName=null email=null")
                .doesNotContain("$pbkdf2");
    }

    // ---- sales scenario: catalog, purchases, a return, histories ----------------------------------------------

    @Test
    void theProductManagerBuildsATwoLevelCatalogThatSearchesByCategoryWithDescendants() {
        List<CategoryView> tree = sales.categoryTree();
        assertThat(tree).extracting(CategoryView::name).containsExactly("Stationery test1", "Notebooks test1");
        assertThat(tree.get(0).parent()).isNull();
        assertThat(tree.get(1).parent()).isEqualTo(tree.get(0).id());
        assertThat(crm.products().categories(staff.member(Role.SUPPORT_AGENT).actor())).isEqualTo(tree);

        assertThat(sales.products()).extracting(ProductView::sku, p -> p.listPrice().toString(), ProductView::status)
                .containsExactly(tuple("PEN-TEST1-FP", "89.00 EUR", ProductStatus.ACTIVE),
                        tuple("NB-TEST1-A5", "12.50 EUR", ProductStatus.ACTIVE),
                        tuple("NB-TEST1-A4", "15.00 EUR", ProductStatus.ACTIVE));
        // the pen is in the top category, the notebooks in its child: a search by the top category finds all three
        assertThat(sales.categorySearch().items()).extracting(ProductView::name)
                .containsExactly("Dotted notebook A5", "Fountain pen, fine nib", "Squared notebook A4");
        assertThat(sales.categorySearch().hasNext()).isFalse();
        assertThat(crm.products().search(staff.crmManager(), ProductSearchQuery.inCategory(tree.get(1).id(), 10)).items()).extracting(ProductView::sku)
                .containsExactly("NB-TEST1-A5", "NB-TEST1-A4");

        // only the product manager changes the catalog
        assertThatThrownBy(() -> crm.products().createCategory(staff.member(Role.SALES_MANAGER).actor(),
                new CreateCategoryCommand("Pens test1", tree.get(0).id())))
                .isInstanceOf(AccessDeniedException.class).hasFieldOrPropertyWithValue("code", "access_denied");
    }

    @Test
    void theBuyerIsACustomerOfTheCustomerScenarioWhoIsStillActive() {
        CustomerView buyer = sales.customer();
        assertThat(buyer.id()).isEqualTo(result.registered().get(1).id()).isNotEqualTo(result.erased().id());
        assertThat(buyer.status()).isEqualTo(CustomerStatus.ACTIVE);
        assertThat(sales.first().customer()).isEqualTo(buyer.id());
        assertThat(sales.second().customer()).isEqualTo(buyer.id());
    }

    @Test
    void theTotalOfAPurchaseIsComputedFromItsLines() {
        PurchaseView first = sales.first();
        assertThat(first.externalReference()).isEqualTo("ORD-TEST1-0001");
        assertThat(first.source()).isEqualTo("erp");
        assertThat(first.lines()).extracting(PurchaseLine::number, PurchaseLine::quantity, l -> l.total().toString())
                .containsExactly(tuple(1, 2, "25.00 EUR"), tuple(2, 1, "89.00 EUR"));
        assertThat(first.total()).isEqualTo(Money.of("114", "EUR"));
        assertThat(first.refunded()).isEqualTo(Money.of("0", "EUR"));
        assertThat(first.occurredAt()).isEqualTo(Instant.parse("2025-03-11T09:26:53Z"));
        assertThat(sales.second().total()).isEqualTo(Money.of("43.50", "CHF"));
    }

    @Test
    void recordingTheSamePurchaseAgainReturnsTheFirstOneAndStoresNothingNew() {
        assertThat(sales.retried().id()).isEqualTo(sales.first().id());
        assertThat(sales.retried().version()).isZero();
        assertThat(sales.retried().total()).isEqualTo(sales.first().total());
        assertThat(sales.history().items()).hasSize(2);
    }

    @Test
    void theSameReferenceWithOtherContentIsAConflict() {
        assertThat(sales.conflict().code()).isEqualTo("duplicate");
        assertThat(sales.conflict().field()).isEqualTo("externalReference");
        assertThat(sales.conflict().existingId()).contains(sales.first().id().toString());
        // the refused recording changed nothing
        assertThat(crm.sales().findById(staff.member(Role.SALES_MANAGER).actor(), sales.first().id()).orElseThrow()
                .lines().get(0).quantity()).isEqualTo(2);
    }

    @Test
    void aPartialReturnRefundsTheReturnedQuantityAtItsUnitPrice() {
        assertThat(sales.purchaseReturn().refund()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(sales.purchaseReturn().lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                .containsExactly(tuple(1, 1));
        PurchaseView after = sales.afterReturn();
        assertThat(after.id()).isEqualTo(sales.first().id());
        assertThat(after.version()).isEqualTo(1);
        assertThat(after.total()).isEqualTo(Money.of("114.00", "EUR"));
        assertThat(after.refunded()).isEqualTo(Money.of("12.50", "EUR"));
        assertThat(after.lines()).extracting(PurchaseLine::returned, PurchaseLine::returnable)
                .containsExactly(tuple(1, 1), tuple(0, 1));

        // one A5 notebook is left to return, not two
        Actor salesManager = staff.member(Role.SALES_MANAGER).actor();
        assertThatThrownBy(() -> crm.sales().recordReturn(salesManager, new RecordReturnCommand(after.id(),
                List.of(new RecordReturnCommand.Line(1, 2)), null)))
                .isInstanceOf(BusinessRuleViolationException.class)
                .hasFieldOrPropertyWithValue("code", "return_exceeds_purchase");
    }

    @Test
    void theHistoryIsNewestFirstAndTheTotalsArePerCurrency() {
        Page<PurchaseView> history = sales.history();
        assertThat(history.items()).extracting(PurchaseView::id)
                .containsExactly(sales.second().id(), sales.first().id());
        assertThat(history.hasNext()).isFalse();
        assertThat(history.items().get(1).refunded()).isEqualTo(Money.of("12.50", "EUR"));

        PurchaseTotals totals = sales.totals();
        assertThat(totals.customerId()).isEqualTo(sales.customer().id());
        assertThat(totals.currencies()).extracting(t -> t.currency().getCurrencyCode(),
                        PurchaseTotals.InCurrency::count, PurchaseTotals.InCurrency::amount)
                .containsExactly(tuple("CHF", 1L, MoneyTotal.of("43.50", "CHF")),
                        tuple("EUR", 1L, MoneyTotal.of("114.00", "EUR")));  // as bought: the refund is not deducted
    }

    @Test
    void aSignedUpCustomerReadsTheirOwnHistoryButNotSomeoneElses() {
        assertThat(sales.selfCustomer()).isInstanceOf(Actor.Customer.class);
        CustomerId me = ((Actor.Customer) sales.selfCustomer()).id();
        assertThat(sales.webPurchase().customer()).isEqualTo(me);
        assertThat(sales.webPurchase().channel()).isEqualTo(SalesChannel.WEB);
        assertThat(sales.ownHistory().items()).extracting(PurchaseView::id, PurchaseView::externalReference)
                .containsExactly(tuple(sales.webPurchase().id(), "WEB-TEST1-0001"));
        assertThat(crm.sales().totals(sales.selfCustomer(), me).currencies()).extracting(t -> t.amount())
                .containsExactly(MoneyTotal.of("15", "EUR"));

        assertThat(sales.customerDenial().code()).isEqualTo("access_denied");
        assertThat(sales.customerDenial().permission()).isEqualTo(SalesPermission.SALES_VIEW);
        assertThat(sales.customerDenial().actor()).isEqualTo(sales.selfCustomer());
    }

    @Test
    void aSalesRepWhoDoesNotManageTheCustomerIsRefusedTheirPurchases() {
        Actor rep = staff.member(Role.SALES_REP).actor();
        AccessDeniedException denial = sales.repDenial();
        assertThat(denial.code()).isEqualTo("access_denied");
        assertThat(denial.permission()).isEqualTo(SalesPermission.SALES_VIEW);
        assertThat(denial.action()).isEqualTo("purchase.history");
        assertThat(denial.getMessage()).isEqualTo("staff " + rep.reference() + " may not SALES_VIEW");
        assertThat(sales.customer().accountManager()).isNotEqualTo(((Actor.Staff) rep).id());
        assertThatThrownBy(() -> crm.sales().findById(rep, sales.first().id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> crm.sales().totals(rep, sales.customer().id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSalesTranscriptShowsTheIdempotentRetryTheConflictAndTheRefund() {
        String text = transcript.toString(StandardCharsets.UTF_8);
        String firstId = sales.first().id().toString();
        assertThat(text)
                .contains("== The category tree")
                .contains("   Stationery test1  (" + sales.categoryTree().get(0).id() + ")")
                .contains("     Notebooks test1  (" + sales.categoryTree().get(1).id() + ")")
                .contains("total=114.00 EUR refunded=0.00 EUR version=0")
                .contains("answered " + firstId + "  version=0 total=114.00 EUR  same purchase as before: true")
                .contains("rejected: code=duplicate field=externalReference existing=" + firstId)
                .contains("refund=12.50 EUR  (line 1: 1 back, 12.50 EUR)")
                .contains("CHF  purchases=1 amount=43.50 CHF")
                .contains("EUR  purchases=1 amount=114.00 EUR")
                .contains("signed up: " + sales.selfCustomer().describe()
                        + "  Hedy Lamarr <hedy.lamarr+test1@example.com>")
                .contains("sales rep refused: code=access_denied permission=SALES_VIEW action=purchase.history")
                .doesNotContain("frequency hopping");
    }

    // ---- loyalty scenario: points, a redemption, a claw-back, the tier, an adjustment, a CSV import -------------

    @Test
    void theSalesScenariosPurchasesEarnedPointsExplainedLineByLineAndOnlyTheLaterOnesInThePromotion() {
        LoyaltyStatement earned = loyalty.earned();
        assertThat(loyalty.customer().id()).isEqualTo(sales.customer().id());
        // 114 for the first purchase, 87 (43.50 CHF doubled) for the second, 12 of line 1's 25 back with the notebook
        assertThat(earned.account()).extracting(LoyaltyAccountView::balance, LoyaltyAccountView::lifetimeEarned,
                LoyaltyAccountView::lifetimeRedeemed, LoyaltyAccountView::tier).containsExactly(189L, 189L, 0L, "BRONZE");
        assertThat(earned.entries().items()).extracting(LedgerEntryView::kind, LedgerEntryView::points,
                        LedgerEntryView::reference, LedgerEntryView::occurredAt)
                .containsExactly(
                        tuple(EntryKind.CLAWBACK, -12L, sales.purchaseReturn().id().toString(), CLOCK.instant()),
                        tuple(EntryKind.EARN, 87L, sales.second().id().toString(), sales.second().occurredAt()),
                        tuple(EntryKind.EARN, 114L, sales.first().id().toString(), sales.first().occurredAt()));
        // the promotion runs from 2025-03-12: the purchase of 2025-03-11 earns single points, that of 03-13 double
        assertThat(earned.entries().items().get(1).lines())
                .extracting(EarnedLine::lineNumber, EarnedLine::points, EarnedLine::explanation)
                .containsExactly(tuple(1, 87L,
                        "43.50 CHF x 1 point(s) per unit; promotion Double points week x 2; rounded down: 87"));
        assertThat(earned.entries().items().get(2).lines())
                .extracting(EarnedLine::lineNumber, EarnedLine::product, EarnedLine::points, EarnedLine::explanation)
                .containsExactly(
                        tuple(1, sales.products().get(1).id(), 25L, "25.00 EUR x 1 point(s) per unit; rounded down: 25"),
                        tuple(2, sales.products().get(0).id(), 89L, "89.00 EUR x 1 point(s) per unit; rounded down: 89"));

        // the signed-up customer's web order of two hours ago earned double too, and they may read that themself
        CustomerId me = ((Actor.Customer) sales.selfCustomer()).id();
        assertThat(crm.loyalty().statement(sales.selfCustomer(), new LoyaltyStatementQuery(me,
                PageRequest.first(10))).account().balance()).isEqualTo(30);
    }

    @Test
    void aRedemptionRetriedUnderItsKeyReturnsTheSameEntryAndSpendsOnlyOnce() {
        LedgerEntryView redemption = loyalty.redemption();
        assertThat(redemption).extracting(LedgerEntryView::kind, LedgerEntryView::points,
                        LedgerEntryView::balanceAfter, LedgerEntryView::reference, LedgerEntryView::description)
                .containsExactly(EntryKind.REDEEM, -50L, 139L, "till-test1-0001", "paid part of a notebook");
        assertThat(loyalty.retriedRedemption()).isEqualTo(redemption);
        assertThat(loyalty.balanceAfterRetry()).isEqualTo(139);
        assertThat(loyalty.statement().entries().items()).filteredOn(e -> e.kind() == EntryKind.REDEEM)
                .extracting(LedgerEntryView::id).containsExactly(redemption.id());
        assertThat(loyalty.statement().account().lifetimeRedeemed()).isEqualTo(50);

        // the same key for another amount is a conflict, never a second redemption
        Actor salesManager = staff.member(Role.SALES_MANAGER).actor();
        assertThatThrownBy(() -> crm.loyalty().redeem(salesManager, new RedeemPointsCommand(loyalty.customer().id(),
                51, "till-test1-0001", "paid part of a notebook")))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("duplicate"));
    }

    @Test
    void aRedemptionOfMorePointsThanTheBalanceIsRefusedNamingTheBalance() {
        BusinessRuleViolationException refusal = loyalty.refusal();
        assertThat(refusal.code()).isEqualTo("insufficient_points");
        assertThat(refusal.details()).containsOnly(entry("balance", "139"), entry("requested", "500"));
        assertThat(refusal.getMessage()).isEqualTo("cannot redeem 500 points: the balance is 139");
        // nothing was written under the refused key
        assertThat(loyalty.statement().entries().items()).extracting(LedgerEntryView::reference)
                .doesNotContain("till-test1-0002");
    }

    @Test
    void returningTheFountainPenClawsBackThePointsItsLineEarned() {
        PurchaseReturn penReturn = loyalty.penReturn();
        assertThat(penReturn.refund()).isEqualTo(Money.of("89.00", "EUR"));
        assertThat(penReturn.lines()).extracting(ReturnLine::lineNumber, ReturnLine::quantity)
                .containsExactly(tuple(2, 1));
        assertThat(loyalty.clawback()).extracting(LedgerEntryView::kind, LedgerEntryView::points,
                        LedgerEntryView::earned, LedgerEntryView::shortfallChange, LedgerEntryView::balanceAfter,
                        LedgerEntryView::reference)
                .containsExactly(EntryKind.CLAWBACK, -89L, -89L, 0L, 50L, penReturn.id().toString());
        assertThat(crm.sales().findById(staff.crmManager(), sales.first().id()).orElseThrow().lines())
                .extracting(PurchaseLine::returned).containsExactly(1, 1);
    }

    @Test
    void theStatementShowsTheTierAndThePointsStillToEarnForTheNext() {
        LoyaltyStatement afterReturn = loyalty.afterReturn();
        assertThat(afterReturn.account()).extracting(LoyaltyAccountView::tier, LoyaltyAccountView::earnedInWindow,
                        LoyaltyAccountView::lifetimeEarned, LoyaltyAccountView::tierEvaluatedAt)
                .containsExactly("BRONZE", 100L, 100L, CLOCK.instant());
        assertThat(afterReturn.nextTier()).isEqualTo("SILVER");
        assertThat(afterReturn.pointsToNextTier()).isEqualTo(900);
    }

    @Test
    void theCrmManagerAdjustsWithAReasonAndASalesManagerMayNot() {
        LedgerEntryView adjustment = loyalty.adjustment();
        assertThat(adjustment).extracting(LedgerEntryView::kind, LedgerEntryView::points, LedgerEntryView::earned,
                        LedgerEntryView::balanceAfter, LedgerEntryView::description)
                .containsExactly(EntryKind.ADJUST, 25L, 0L, 75L, "goodwill: the pen came back in a damaged box");
        LoyaltyStatement end = loyalty.statement();
        assertThat(end.account().balance()).isEqualTo(75);
        assertThat(end.account().lifetimeEarned()).as("an adjustment is not earned").isEqualTo(100);
        assertThat(end.entries().items()).extracting(LedgerEntryView::kind).containsExactly(EntryKind.ADJUST,
                EntryKind.CLAWBACK, EntryKind.REDEEM, EntryKind.CLAWBACK, EntryKind.EARN, EntryKind.EARN);

        Actor manager = staff.crmManager();
        assertThat(crm.audit().search(staff.admin().actor(),
                AuditQuery.all(10).by(manager).action("loyalty.adjust")).items())
                .extracting(AuditEntry::targetId, AuditEntry::outcome)
                .containsExactly(tuple(loyalty.customer().id().value(), AuditOutcome.SUCCESS));
        assertThatThrownBy(() -> crm.loyalty().adjust(staff.member(Role.SALES_MANAGER).actor(),
                new AdjustPointsCommand(loyalty.customer().id(), 1000, "a sales manager's generosity")))
                .isInstanceOfSatisfying(AccessDeniedException.class,
                        e -> assertThat(e.permission()).isEqualTo(LoyaltyPermission.LOYALTY_ADJUST));
        assertThat(crm.loyalty().statement(manager, new LoyaltyStatementQuery(loyalty.customer().id(),
                PageRequest.first(10))).account().balance()).isEqualTo(75);
    }

    @Test
    void theBuyersOwnExportHoldsTheirPurchasesWithTheReturnAndTheWholeLedger() {
        PersonalDataExport export = loyalty.export();
        List<PurchaseView> purchases = export.section("purchases", PurchaseView.class);
        assertThat(purchases).containsExactlyElementsOf(crm.sales().history(staff.crmManager(),
                new PurchaseHistoryQuery(loyalty.customer().id(), PageRequest.first(100))).items());
        assertThat(purchases).hasSize(2).flatExtracting(PurchaseView::returns).as("the two returns").hasSize(2);
        assertThat(export.section("loyalty_ledger", LedgerEntryView.class))
                .containsExactlyElementsOf(loyalty.statement().entries().items());
        assertThat(export.section("loyalty_account", LoyaltyAccountView.class))
                .containsExactly(loyalty.statement().account());
    }

    @Test
    void theCsvImportStoresTheGoodLinesTurnsTheCancellationIntoAReturnAndRejectsTheBadDate() {
        assertThat(loyalty.csv().lines()).hasSize(9).anyMatch(l -> l.startsWith("C581005-TEST1,"));
        ImportSummary summary = loyalty.firstImport();
        assertThat(summary).extracting(ImportSummary::linesRead, ImportSummary::linesImported,
                        ImportSummary::linesAlreadyImported, ImportSummary::linesRejected, ImportSummary::purchases,
                        ImportSummary::returns, ImportSummary::productsCreated, ImportSummary::customersCreated)
                .containsExactly(8L, 7L, 0L, 1L, 4L, 1L, 0L, 2L);
        assertThat(summary.rejected()).containsExactly(
                new RejectedLine(7, "occurredAt", "must be a date and time as M/d/yyyy H:mm"));
        // three lines per transaction: a report after each batch, the last one with the totals
        assertThat(loyalty.firstProgress()).containsExactly(new LoyaltyScenario.Progress(4, 3, 0),
                new LoyaltyScenario.Progress(8, 6, 1), new LoyaltyScenario.Progress(8, 7, 1));

        CustomerView imported = loyalty.importedCustomer();
        assertThat(imported.externalReference()).isEqualTo("17850-TEST1");
        assertThat(imported.source()).isEqualTo(CustomerSource.IMPORT);
        assertThat(imported.email()).endsWith(".invalid");
        Actor manager = staff.crmManager();
        List<PurchaseView> bought = crm.sales().history(manager, new PurchaseHistoryQuery(imported.id(),
                PageRequest.first(10))).items();
        assertThat(bought).singleElement().satisfies(p -> {
            assertThat(p.source()).isEqualTo(LoyaltyScenario.CSV_SOURCE);
            assertThat(p.externalReference()).isEqualTo("581001-TEST1");
            assertThat(p.occurredAt()).isEqualTo(Instant.parse("2025-03-08T09:26:00Z"));
            assertThat(p.total()).isEqualTo(Money.of("134.90", "EUR"));
            assertThat(p.lines()).extracting(PurchaseLine::quantity, PurchaseLine::returned)
                    .containsExactly(tuple(3, 1), tuple(1, 0), tuple(2, 0));
            assertThat(p.returns()).extracting(PurchaseReturn::reference)
                    .containsExactly("10:retail-csv:C581005-TEST1#1");
        });
        assertThat(crm.products().findBySku(manager, "ink-test1-bk")).get()
                .extracting(ProductView::name, ProductView::listPrice)
                .as("added by the product manager before the import, which creates no products")
                .containsExactly("Ink cartridges, black, pack of 6", Money.of("4.20", "EUR"));

        // 37 + 89 + 8 points for the purchase, 12 of the notebooks' 37 back with the cancelled one
        assertThat(loyalty.importedStatement().account().balance()).isEqualTo(122);
        assertThat(loyalty.importedStatement().entries().items()).extracting(LedgerEntryView::kind,
                LedgerEntryView::points).containsExactly(tuple(EntryKind.CLAWBACK, -12L), tuple(EntryKind.EARN, 134L));
        CustomerView other = crm.customers().findByExternalReference(manager, "12583-TEST1").orElseThrow();
        assertThat(crm.loyalty().statement(manager, new LoyaltyStatementQuery(other.id(), PageRequest.first(10)))
                .account().balance()).as("30 + 4; the line with the bad date is not there").isEqualTo(34);
    }

    @Test
    void theSameFileImportedAgainImportsNothingTwice() {
        assertThat(loyalty.secondImport()).extracting(ImportSummary::linesRead, ImportSummary::linesImported,
                        ImportSummary::linesAlreadyImported, ImportSummary::linesRejected, ImportSummary::purchases,
                        ImportSummary::returns, ImportSummary::productsCreated, ImportSummary::customersCreated)
                .containsExactly(8L, 0L, 7L, 1L, 0L, 0L, 0L, 0L);
        assertThat(loyalty.secondImport().rejected()).isEqualTo(loyalty.firstImport().rejected());
        assertThat(loyalty.secondProgress()).last().isEqualTo(new LoyaltyScenario.Progress(8, 0, 1));
        assertThat(loyalty.importedAfterRerun().account()).isEqualTo(loyalty.importedStatement().account());
        assertThat(loyalty.importedAfterRerun().entries()).isEqualTo(loyalty.importedStatement().entries());
        assertThat(crm.sales().history(staff.crmManager(), new PurchaseHistoryQuery(
                loyalty.importedCustomer().id(), PageRequest.first(10))).items()).hasSize(1);
    }

    @Test
    void theLoyaltyTranscriptShowsExplanationsTheRetryTheRefusalTheClawBackAndBothImports() {
        String text = transcript.toString(StandardCharsets.UTF_8);
        String redemption = loyalty.redemption().id().toString();
        assertThat(text)
                .contains("promotion \"Double points week\": points x2 on purchases made from 2025-03-12T00:00:00Z"
                        + " until 2025-03-19T00:00:00Z")
                .contains("line 1: 3 x NB-TEST1-A4        87 points  43.50 CHF x 1 point(s) per unit;"
                        + " promotion Double points week x 2; rounded down: 87")
                .contains("(erp/ORD-TEST1-0001)")
                .contains("redeemed: entry " + redemption + "  points=-50 balance=139 key=till-test1-0001")
                .contains("answered entry " + redemption + "  points=-50  same entry as before: true  balance still 139")
                .contains("refused: code=insufficient_points details={balance=139, requested=500}")
                .contains("CLAWBACK -89 points (earned -89, shortfall +0) balance=50")
                .contains("next tier SILVER: 900 points to go")
                .contains("adjusted: entry " + loyalty.adjustment().id() + "  points=+25 balance=75")
                .contains("   | C581005-TEST1,NB-TEST1-A5,DOTTED NOTEBOOK A5,-1,3/10/2025 9:26,12.50,17850-TEST1,")
                .contains("progress: read=4 imported=3 rejected=0")
                .contains("summary: read=8 imported=7 alreadyImported=0 rejected=1 purchases=4 returns=1"
                        + " productsCreated=0 customersCreated=2")
                .contains("rejected: line 7  field=occurredAt  must be a date and time as M/d/yyyy H:mm")
                .contains("(retail-csv/581001-TEST1)")
                .contains("summary: read=8 imported=0 alreadyImported=7 rejected=1 purchases=0 returns=0")
                .contains("customer 17850-TEST1: balance still 122, 2 ledger entries")
                .doesNotContain("Imported Customer")
                .doesNotContain("$pbkdf2");
    }

    // ---- quote scenario ----------------------------------------------------------------------------------------

    @Test
    void theCustomerRequestsAQuoteTheRepAnswersAndTheCustomerAccepts() {
        assertThat(quote.requested().status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.REQUESTED);
        assertThat(quote.requested().customer()).isEqualTo(quote.customer());
        assertThat(quote.requested().total()).isNull();
        org.crmkit.core.quote.port.in.QuoteView answered = quote.answered();
        assertThat(answered.status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.QUOTED);
        assertThat(answered.answeredBy()).isEqualTo(staff.member(Role.SALES_REP).profile().id());
        assertThat(answered.lines()).extracting(l -> l.unitPrice())
                .containsExactly(Money.of("11.00", "EUR"), Money.of("89.00", "EUR"));
        assertThat(answered.total()).isEqualTo(Money.of("288.00", "EUR"));
        assertThat(answered.validUntil()).isEqualTo(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS)
                .plus(QuoteScenario.VALIDITY));
        assertThat(quote.ownQuotes().items()).containsExactly(answered);
        assertThat(quote.accepted().status()).isEqualTo(org.crmkit.core.quote.QuoteStatus.ACCEPTED);
        assertThat(quote.accepted().purchase()).isNotNull();
        assertThat(quote.acceptedAgain()).as("a second acceptance changes nothing").isEqualTo(quote.accepted());
    }

    @Test
    void theAcceptedQuotesPurchaseIsInTheCustomersHistoryAndEarnedPoints() {
        assertThat(quote.history().items()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(quote.accepted().purchase());
            assertThat(p.customer()).isEqualTo(quote.customer());
            assertThat(p.source()).isEqualTo("quote");
            assertThat(p.externalReference()).isEqualTo(quote.accepted().id().toString());
            assertThat(p.total()).isEqualTo(Money.of("288.00", "EUR"));
        });
        // 288 points, doubled by the example program's running promotion
        assertThat(quote.statement().account().balance()).isEqualTo(576);
        assertThat(quote.statement().entries().items()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EntryKind.EARN);
            assertThat(e.points()).isEqualTo(576);
        });
    }

    @Test
    void anotherCustomerIsRefusedTheQuoteAndTheTranscriptTellsTheStory() {
        assertThat(quote.otherCustomer()).isNotNull();
        assertThat(quote.otherCustomer().code()).isEqualTo("access_denied");
        assertThat(transcript.toString(StandardCharsets.UTF_8))
                .contains("== The customer asks for a quote (self-service)")
                .contains("accepted again (a double click): status=ACCEPTED, same purchase "
                        + quote.accepted().purchase())
                .contains("earned 576 points for purchase");
    }

    // ---- lead scenario -----------------------------------------------------------------------------------------

    @Test
    void theLeadGoesFromNewToWonAndBecomesTheRepsCustomer() {
        org.crmkit.core.shared.StaffId rep = ((Actor.Staff) staff.member(Role.SALES_REP).actor()).id();
        assertThat(lead.created().owner()).isEqualTo(rep);
        assertThat(lead.created().scoreReasons()).extracting(org.crmkit.core.lead.ScoreReason::rule)
                .containsExactly("source", "estimated_value", "recent_activity", "email", "company");
        assertThat(lead.won().stage()).isEqualTo(org.crmkit.core.lead.LeadStage.WON);
        assertThat(lead.won().history()).extracting(org.crmkit.core.lead.StageChange::to).containsExactly(
                org.crmkit.core.lead.LeadStage.NEW, org.crmkit.core.lead.LeadStage.CONTACTED,
                org.crmkit.core.lead.LeadStage.QUALIFIED, org.crmkit.core.lead.LeadStage.WON);
        assertThat(lead.won().interactions()).isEqualTo(2);
        assertThat(lead.won().score()).isGreaterThan(lead.created().score());
        assertThat(lead.conversion().linkedExisting()).isFalse();
        CustomerView customer = crm.customers().findById(staff.member(Role.SALES_REP).actor(),
                lead.conversion().customerId()).orElseThrow();
        assertThat(customer.email()).isEqualTo("grace.lovelace+" + RUN + "@example.org");
        assertThat(customer.accountManager()).isEqualTo(rep);
    }

    @Test
    void theCustomersTimelineHoldsTheLeadsInteractionsNewestFirst() {
        assertThat(lead.timeline()).extracting(org.crmkit.core.interaction.port.in.InteractionView::subject)
                .containsExactly("Budget confirmed", "Discovery call");
        assertThat(lead.timeline()).allSatisfy(i -> {
            assertThat(i.customerId()).isEqualTo(lead.conversion().customerId());
            assertThat(i.leadId()).isEqualTo(lead.won().id());
        });
    }

    @Test
    void theLeadTranscriptShowsTheScoreTheRefusalsTheHistoryAndTheTimeline() {
        assertThat(lead.noReason().fields()).containsExactly("reason");
        assertThat(lead.reopenDenied().code()).isEqualTo("access_denied");
        String text = transcript.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .contains("+10  source           source WEB_FORM")
                .contains("+20  estimated_value  estimated value at least 10000.00 EUR")
                .contains("+10  interactions     2 interactions logged")
                .contains("refused: invalid_command [reason]")
                .contains("refused: access_denied (the rep may not reopen)")
                .contains("(newly registered)")
                .contains("QUALIFIED -> WON")
                .contains("EMAIL   INBOUND  \"Budget confirmed\"")
                .contains("CALL    OUTBOUND \"Discovery call\" -> demo booked");
    }

    // ---- feedback scenario: ratings, responses, the customer's view, statistics ---------------------------------

    @Test
    void aCustomerRatesWhatTheyBoughtStaffAnswerAndTheProductManagerReadsTheStatistics() {
        Actor customer = sales.selfCustomer();
        CustomerId customerId = ((Actor.Customer) customer).id();
        ProductView notebook = sales.products().stream().filter(p -> p.sku().endsWith("-A4")).findFirst()
                .orElseThrow();
        Actor.Staff agent = (Actor.Staff) staff.member(Role.SUPPORT_AGENT).actor();
        Actor.Staff crmManager = (Actor.Staff) staff.member(Role.CRM_MANAGER).actor();

        assertThat(feedback.own().customerId()).isEqualTo(customerId);
        assertThat(feedback.own().purchaseId()).isEqualTo(sales.webPurchase().id());
        assertThat(feedback.own().productId()).isEqualTo(notebook.id());
        assertThat(feedback.own().rating()).isEqualTo(5);
        assertThat(feedback.own().comment()).isEqualTo("Lovely paper,\nno bleed-through with a fountain pen.");
        assertThat(feedback.own().givenBy()).isNull();
        assertThat(feedback.duplicate().code()).isEqualTo("duplicate");
        assertThat(feedback.duplicate().field()).isEqualTo("productId");

        assertThat(feedback.byPhone().customerId()).isEqualTo(sales.customer().id());
        assertThat(feedback.byPhone().givenBy()).isEqualTo(agent.id());
        assertThat(feedback.queue().items()).extracting(v -> v.id())
                .containsExactly(feedback.own().id(), feedback.byPhone().id());

        assertThat(feedback.answered().response().respondedBy()).isEqualTo(agent.id());
        assertThat(feedback.answered().response().respondedAt()).isEqualTo(CLOCK.instant());
        assertThat(feedback.answeredByPhone().response().respondedBy()).isEqualTo(crmManager.id());
        assertThat(feedback.mine().items()).singleElement().satisfies(v -> {
            assertThat(v.id()).isEqualTo(feedback.own().id());
            assertThat(v.response().text()).isEqualTo("Thank you! We passed your words on to the paper mill.");
        });
        assertThat(feedback.customerDenial().permission()).isEqualTo(FeedbackPermission.FEEDBACK_ANSWER);

        assertThat(feedback.statistics().productId()).isEqualTo(notebook.id());
        assertThat(feedback.statistics().count()).isEqualTo(2);
        assertThat(feedback.statistics().average()).contains(new java.math.BigDecimal("3.50"));
        assertThat(feedback.statistics().distribution()).containsExactly(0L, 1L, 0L, 0L, 1L);
        assertThat(feedback.statistics().unanswered()).isZero();
        assertThat(crm.feedback().unanswered(staff.member(Role.CRM_MANAGER).actor(),
                org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery.first(10)).items()).isEmpty();
        assertThat(transcript.toString(StandardCharsets.UTF_8))
                .contains("refused: code=duplicate field=productId")
                .contains("all time count=2 average=3.50 distribution(1..5)=[0, 1, 0, 0, 1] unanswered=0")
                .contains("refused: code=access_denied permission=FEEDBACK_ANSWER");
    }
}
