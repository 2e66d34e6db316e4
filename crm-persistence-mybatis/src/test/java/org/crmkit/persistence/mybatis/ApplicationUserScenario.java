package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.crmkit.core.Crm;
import org.crmkit.core.staff.port.in.LoginResult;
import org.crmkit.core.staff.port.in.MfaCodeCommand;
import org.crmkit.core.staff.port.in.MfaEnrolment;
import org.crmkit.core.staff.port.in.ResetMfaCommand;
import org.crmkit.core.staff.port.in.SecondFactorCommand;
import org.crmkit.core.testing.TotpCodes;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.AssignAccountManagerCommand;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.customer.port.in.CustomerStatusCommand;
import org.crmkit.core.customer.port.in.CustomerTagCommand;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.MarketingConsentCommand;
import org.crmkit.core.customer.port.in.PersonalDataExport;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.in.UpdateContactDetailsCommand;
import org.crmkit.core.feedback.port.in.AnswerFeedbackCommand;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.FeedbackStatisticsQuery;
import org.crmkit.core.feedback.port.in.FeedbackView;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.UnansweredFeedbackQuery;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.lead.port.in.LeadConversionView;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.lead.port.in.MoneyData;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.loyalty.port.in.RedeemPointsCommand;
import org.crmkit.core.loyalty.port.in.ReevaluateTiersCommand;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.RenameCategoryCommand;
import org.crmkit.core.product.port.in.RepriceProductCommand;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.AcceptQuoteCommand;
import org.crmkit.core.quote.port.in.AnswerQuoteCommand;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.ExpireQuotesCommand;
import org.crmkit.core.quote.port.in.QuoteView;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.ImportSummary;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.sales.port.in.RecordReturnCommand;
import org.crmkit.core.sales.port.in.SaleLine;
import org.crmkit.core.sales.port.in.SalesImportOptions;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.AuthenticationFailedException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.PersonalDataSection;
import org.crmkit.core.shared.Role;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.BootstrapAdminCommand;
import org.crmkit.core.staff.port.in.ChangeDepartmentManagerCommand;
import org.crmkit.core.staff.port.in.ChangePasswordCommand;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.staff.port.in.CreateStaffCommand;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.in.ResetPasswordCommand;
import org.crmkit.core.staff.port.in.StaffRoleCommand;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.Pbkdf2PasswordHasher;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.in.AssignTicketCommand;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.EscalateTicketCommand;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.SupportReportQuery;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;

/**
 * A use case or more of every area through the public API, on a persistence that logs in as docs/embedding.md's
 * application user: staff, departments and accounts (logins, a failed login, a password reset and change, the access
 * log), customers, the catalog, sales (a purchase, a return, an import), loyalty (enrol, earn, redeem, adjust, the
 * expiry and tier batches), quotes (accepted, and expired by the batch), leads (lost, and converted into a
 * customer), interactions, tasks (with the reminder job), tickets (with the SLA breach job), feedback, the audit
 * trail, a customer's GDPR export and erasure, which touches every area's rows of that customer, and the access log's
 * retention. The batch jobs
 * run on a second {@code Crm} whose clock is {@link #JOBS_LATER} ahead, as a scheduled job would run later.
 *
 * <p>Each call goes through {@link #step}: a call the server refuses for want of a privilege fails with the step's
 * name and a pointer to docs/embedding.md's grants.
 */
final class ApplicationUserScenario {
    private static final Duration JOBS_LATER = Duration.ofDays(30);
    private static final String ADMIN_EMAIL = "grants.admin@example.com";
    private static final String ADA_EMAIL = "ada.lovelace@example.com";
    private static final String STAFF_PASSWORD = "grant tables hold the keys";
    private static final String ADA_PASSWORD = "analytical engine notes";
    private static final String ADA_NEW_PASSWORD = "bernoulli numbers, note G";
    private static final AccessContext DESK = new AccessContext("198.51.100.7", "Mozilla/5.0 (X11) Firefox/128.0");
    private static final Actor SCHEDULER = Actor.system("scheduler");

    private final Clock clock = Clock.systemUTC();
    private final Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    private final List<String> resetTokens = Collections.synchronizedList(new ArrayList<>());
    private final List<String> verificationTokens = Collections.synchronizedList(new ArrayList<>());
    private final List<ReminderNotifier.DueReminder> reminders = Collections.synchronizedList(new ArrayList<>());
    private final List<TicketId> breaches = Collections.synchronizedList(new ArrayList<>());
    private final Crm crm;
    private final Crm jobs;

    private Actor admin;
    private Actor crmManager;
    private Actor salesManager;
    private Actor rep;
    private Actor agent;
    private Actor productManager;
    private StaffView repProfile;
    private DepartmentView care;
    private Actor ada;
    private CustomerId adaId;
    private ProductView pen;
    private ProductView notebook;
    private PurchaseView purchase;
    private QuoteView openQuote;
    private LeadView convertedLead;
    private TaskView reminded;
    private TicketView resolved;
    private TicketView forgotten;

    /** @param persistence the adapter on docs/embedding.md's application user, built with {@code migrate(false)} */
    ApplicationUserScenario(MyBatisCrmPersistence persistence) {
        this.crm = Crm.builder().persistence(persistence).clock(clock)
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .passwordResetNotifier(message -> resetTokens.add(message.token()))
                .contactVerificationNotifier(message -> verificationTokens.add(message.token())).build();
        this.jobs = Crm.builder().persistence(persistence).clock(Clock.offset(clock, JOBS_LATER))
                .passwordHasher(Pbkdf2PasswordHasher.withIterations(1_000))
                .accessLogRetention(Duration.ofDays(1))
                .reminderNotifier(reminders::add)
                .slaBreachNotifier((ticket, target, dueAt) -> breaches.add(ticket)).build();
    }

    /** Runs every area in turn; each asserts what it got back. */
    void run() {
        staff();
        accounts();
        customers();
        catalog();
        salesAndLoyalty();
        quotes();
        leadsAndInteractions();
        tasks();
        tickets();
        feedback();
        batchJobs();
        gdprExportAndErasure();
        accessLogRetention();
        auditTrail();
    }

    private void staff() {
        step("staff: bootstrap the first administrator", () -> crm.staff().bootstrapAdmin(
                new BootstrapAdminCommand("Grace", "Admin", ADMIN_EMAIL, STAFF_PASSWORD)));
        admin = step("accounts: the administrator logs in",
                () -> crm.accounts().authenticate(ADMIN_EMAIL, STAFF_PASSWORD, DESK));
        DepartmentView sales = step("departments: create", () -> crm.departments().create(admin,
                new CreateDepartmentCommand("Sales", null)));
        care = step("departments: create", () -> crm.departments().create(admin,
                new CreateDepartmentCommand("Customer Care", null)));
        crmManager = hire("clara.meyer", Role.CRM_MANAGER, care);
        StaffView salesManagerProfile = profile("samuel.okafor", Role.SALES_MANAGER, sales);
        salesManager = logIn(salesManagerProfile);
        repProfile = profile("rosa.diaz", Role.SALES_REP, sales);
        rep = logIn(repProfile);
        agent = hire("tomas.silva", Role.SUPPORT_AGENT, care);
        productManager = hire("priya.raman", Role.PRODUCT_MANAGER, sales);
        step("departments: change the manager", () -> crm.departments().changeManager(admin,
                new ChangeDepartmentManagerCommand(sales.id(), salesManagerProfile.id())));
        step("staff: grant a role", () -> crm.staff().grantRole(admin,
                new StaffRoleCommand(repProfile.id(), Role.SUPPORT_AGENT.name())));
        StaffView revoked = step("staff: revoke the role", () -> crm.staff().revokeRole(admin,
                new StaffRoleCommand(repProfile.id(), Role.SUPPORT_AGENT.name())));
        assertThat(revoked.roles()).containsExactly(Role.SALES_REP);
    }

    private void accounts() {
        refused("accounts: a wrong password", AuthenticationFailedException.class,
                () -> crm.accounts().authenticate(repProfile.workEmail(), "not the password at all", DESK));
        act("accounts: change a password", () -> crm.accounts().changePassword(rep,
                new ChangePasswordCommand(STAFF_PASSWORD, STAFF_PASSWORD + "!"), DESK));
        act("accounts: log out", () -> crm.accounts().logout(rep, DESK));
        secondFactor();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        assertThat(step("accounts: read the access log", () -> crm.accounts().accessLog(admin,
                AccessLogQuery.builder().day(today).zone("UTC").page(PageRequest.first(50)).build())).items())
                .hasSizeGreaterThanOrEqualTo(8);
        assertThat(step("accounts: daily activity", () -> crm.accounts().dailyActivity(admin,
                new DailyActivityQuery(today, today, "UTC")))).isNotEmpty();
    }

    /** The rep enrols a second factor, logs in with a recovery code, and an administrator resets it. */
    private void secondFactor() {
        MfaEnrolment enrolment = step("accounts: start a second factor's enrolment",
                () -> crm.accounts().startMfaEnrolment(rep, DESK));
        List<String> recoveryCodes = step("accounts: confirm it", () -> crm.accounts().confirmMfaEnrolment(rep,
                new MfaCodeCommand(TotpCodes.at(enrolment.secret(), clock.instant())), DESK));
        LoginResult first = step("accounts: log in, password step", () -> crm.accounts().login(
                repProfile.workEmail(), STAFF_PASSWORD + "!", DESK));
        String challenge = ((LoginResult.SecondFactorRequired) first).challenge();
        refused("accounts: a wrong recovery code", AuthenticationFailedException.class,
                () -> crm.accounts().completeLogin(new SecondFactorCommand(challenge, "aaaa-aaaa-aaaa-aaaa"), DESK));
        rep = step("accounts: log in, second step", () -> crm.accounts().completeLogin(new SecondFactorCommand(
                challenge, recoveryCodes.get(0)), DESK).actor());
        act("accounts: reset a second factor", () -> crm.accounts().resetMfa(admin,
                ResetMfaCommand.of(repProfile.id())));
    }

    private void customers() {
        act("accounts: a visitor asks to sign up", () -> crm.accounts().requestSignUp(ADA_EMAIL, DESK));
        assertThat(verificationTokens).hasSize(1);
        ada = step("accounts: the visitor signs up with the token", () -> crm.accounts().signUpCustomer(
                CustomerSignUpCommand.builder().token(verificationTokens.get(0)).firstName("Ada").lastName("Lovelace")
                        .email(ADA_EMAIL).password(ADA_PASSWORD).build(), DESK).actor());
        adaId = ((Actor.Customer) ada).id();
        act("accounts: request a password reset", () -> crm.accounts().requestPasswordReset(ADA_EMAIL, DESK));
        assertThat(resetTokens).hasSize(1);
        act("accounts: reset the password", () -> crm.accounts().resetPassword(
                new ResetPasswordCommand(resetTokens.get(0), ADA_NEW_PASSWORD), DESK));
        ada = step("accounts: the customer logs in", () -> crm.accounts().authenticate(ADA_EMAIL, ADA_NEW_PASSWORD,
                DESK));
        // pending until the end, when the erasure deletes it with her account
        act("accounts: the customer starts a second factor", () -> crm.accounts().startMfaEnrolment(ada, DESK));
        CustomerView found = step("customers: find", () -> crm.customers().findById(crmManager, adaId)).orElseThrow();
        step("customers: update contact details", () -> crm.customers().updateContactDetails(crmManager,
                UpdateContactDetailsCommand.of(adaId, found.version()).phone("+44 20 7946 0000").build()));
        step("customers: tag", () -> crm.customers().addTag(crmManager, new CustomerTagCommand(adaId, "vip")));
        step("customers: tag", () -> crm.customers().addTag(crmManager, new CustomerTagCommand(adaId, "press")));
        step("customers: untag", () -> crm.customers().removeTag(crmManager, new CustomerTagCommand(adaId, "press")));
        step("customers: marketing consent", () -> crm.customers().changeMarketingConsent(crmManager,
                new MarketingConsentCommand(adaId, true)));
        step("customers: assign an account manager", () -> crm.customers().assignAccountManager(crmManager,
                new AssignAccountManagerCommand(adaId, repProfile.id())));
        CustomerView alan = step("customers: register", () -> crm.customers().register(crmManager,
                RegisterCustomerCommand.builder().firstName("Alan").lastName("Turing").email("alan@example.com")
                        .source(CustomerSource.REFERRAL).build()));
        step("customers: deactivate", () -> crm.customers().deactivate(crmManager,
                new CustomerStatusCommand(alan.id())));
        step("customers: reactivate", () -> crm.customers().reactivate(crmManager,
                new CustomerStatusCommand(alan.id())));
        step("customers: possible duplicates", () -> crm.customers().findPossibleDuplicates(crmManager, adaId));
        assertThat(step("customers: search", () -> crm.customers().search(crmManager,
                CustomerSearchQuery.all(CustomerSort.NAME_ASC, 10))).items())
                .extracting(CustomerView::lastName).containsExactly("Lovelace", "Turing");
    }

    private void catalog() {
        CategoryView stationery = step("products: create a category", () -> crm.products().createCategory(
                productManager, new CreateCategoryCommand("Stationery", null)));
        CategoryView notebooks = step("products: create a subcategory", () -> crm.products().createCategory(
                productManager, new CreateCategoryCommand("Notebooks", stationery.id())));
        step("products: rename a category", () -> crm.products().renameCategory(productManager,
                new RenameCategoryCommand(notebooks.id(), "Notebooks and pads")));
        pen = step("products: create", () -> crm.products().create(productManager, CreateProductCommand.builder()
                .sku("PEN-FINE").name("Fountain pen, fine nib").categoryId(stationery.id())
                .listPrice(new BigDecimal("89.00")).currency("EUR").build()));
        notebook = step("products: create", () -> crm.products().create(productManager, CreateProductCommand.builder()
                .sku("NB-A5").name("Dotted notebook A5").categoryId(notebooks.id())
                .listPrice(new BigDecimal("12.50")).currency("EUR").build()));
        notebook = step("products: reprice", () -> crm.products().reprice(productManager,
                new RepriceProductCommand(notebook.id(), new BigDecimal("13.00"), "EUR")));
        assertThat(step("products: search a category", () -> crm.products().search(salesManager,
                new ProductSearchQuery(null, stationery.id(), null, PageRequest.first(10)))).items()).hasSize(2);
    }

    private void salesAndLoyalty() {
        step("loyalty: enrol", () -> crm.loyalty().openAccount(crmManager, new OpenLoyaltyAccountCommand(adaId)));
        purchase = step("sales: record a purchase (earns points)", () -> crm.sales().recordPurchase(salesManager,
                RecordPurchaseCommand.builder().customerId(adaId).occurredAt(now.minus(Duration.ofDays(1)))
                        .channel(SalesChannel.STORE).source("till").externalReference("T-0001").currency("EUR")
                        .lines(List.of(new RecordPurchaseCommand.Line(1, notebook.id(), 2, new BigDecimal("13.00")),
                                new RecordPurchaseCommand.Line(2, pen.id(), 1, new BigDecimal("89.00"))))
                        .build()));
        purchase = step("sales: record a return (claws points back)", () -> crm.sales().recordReturn(salesManager,
                new RecordReturnCommand(purchase.id(), List.of(new RecordReturnCommand.Line(1, 1)),
                        purchase.version())));
        assertThat(purchase.returns()).hasSize(1);
        assertThat(step("sales: history", () -> crm.sales().history(salesManager,
                new PurchaseHistoryQuery(adaId, PageRequest.first(10)))).items()).hasSize(1);
        step("sales: totals", () -> crm.sales().totals(salesManager, adaId));
        ImportSummary imported = step("sales: import, creating the unknown product and customer", () ->
                crm.sales().importSales(admin, SalesImportOptions.strict("webshop", "EUR").creatingUnknown(),
                        List.of(SaleLine.builder().sourceLine(1).orderReference("W-0001").lineNumber(1)
                                .sku("INK-BLACK").description("Ink cartridges, black").quantity(3)
                                .unitPrice(new BigDecimal("4.20")).occurredAt(now.minus(Duration.ofDays(2)))
                                .customerReference("C-17850").country("GB").build()),
                        (read, stored, rejected) -> { }));
        assertThat(imported.linesImported()).isEqualTo(1);
        assertThat(imported.productsCreated()).isEqualTo(1);
        assertThat(imported.customersCreated()).isEqualTo(1);
        long earned = step("loyalty: statement", () -> crm.loyalty().statement(ada,
                new LoyaltyStatementQuery(adaId, PageRequest.first(10)))).account().balance();
        assertThat(earned).isPositive();
        step("loyalty: redeem", () -> crm.loyalty().redeem(salesManager,
                new RedeemPointsCommand(adaId, 10, "till-0001", "paid part of a notebook")));
        step("loyalty: adjust", () -> crm.loyalty().adjust(crmManager,
                new AdjustPointsCommand(adaId, 5, "goodwill")));
        assertThat(step("loyalty: statement", () -> crm.loyalty().statement(ada,
                new LoyaltyStatementQuery(adaId, PageRequest.first(10)))).account().balance()).isEqualTo(earned - 5);
    }

    private void quotes() {
        QuoteView requested = request(notebook, 10);
        QuoteView answered = answer(requested, new BigDecimal("11.00"));
        QuoteView accepted = step("quotes: accept (records a purchase)", () -> crm.quotes().accept(ada,
                new AcceptQuoteCommand(answered.id(), answered.version())));
        assertThat(accepted.status()).isEqualTo(QuoteStatus.ACCEPTED);
        openQuote = answer(request(pen, 2), new BigDecimal("85.00"));
        assertThat(step("quotes: the customer's quotes", () -> crm.quotes().customerQuotes(ada,
                new CustomerQuotesQuery(adaId, PageRequest.first(10)))).items()).hasSize(2);
    }

    private QuoteView request(ProductView product, int quantity) {
        return step("quotes: request", () -> crm.quotes().request(ada, new RequestQuoteCommand(adaId, "EUR",
                List.of(new RequestQuoteCommand.Line(product.id(), quantity)), "for the team")));
    }

    private QuoteView answer(QuoteView quote, BigDecimal price) {
        return step("quotes: answer", () -> crm.quotes().answer(rep, AnswerQuoteCommand.builder()
                .quoteId(quote.id()).expectedVersion(quote.version()).currency("EUR")
                .prices(List.of(new AnswerQuoteCommand.LinePrice(1, price)))
                .validUntil(now.plus(Duration.ofDays(14))).terms("30 days net").build()));
    }

    private void leadsAndInteractions() {
        LeadView lead = step("leads: create", () -> crm.leads().create(rep, CreateLeadCommand.builder()
                .firstName("Ada").lastName("Lovelace").company("Analytical Engines Ltd").email(ADA_EMAIL)
                .source(LeadSource.WEB_FORM).estimatedValue(MoneyData.of("5000", "EUR")).notes("wants a demo")
                .build()));
        step("interactions: log one with a lead", () -> crm.interactions().log(rep, LogInteractionCommand.builder()
                .type(InteractionType.CALL).leadId(lead.id()).occurredAt(now.minus(Duration.ofHours(1)))
                .durationSeconds(600L).direction(Direction.OUTBOUND).subject("Discovery call")
                .summary("needs monthly reports").build()));
        step("tasks: create one about a lead", () -> crm.tasks().create(rep, CreateTaskCommand.builder()
                .title("Send the demo link").dueAt(now.plus(Duration.ofDays(2))).priority(TaskPriority.MEDIUM)
                .assigneeId(repProfile.id()).link(TaskLinkData.lead(lead.id())).build()));
        LeadView contacted = step("leads: change the stage, with a reason", () -> crm.leads().changeStage(rep,
                new ChangeLeadStageCommand(lead.id(), LeadStage.CONTACTED, "called back", null)));
        step("leads: qualify", () -> crm.leads().changeStage(rep,
                new ChangeLeadStageCommand(lead.id(), LeadStage.QUALIFIED, null, contacted.version())));
        LeadConversionView conversion = step("leads: convert into the existing customer", () ->
                crm.leads().convert(rep, new LeadCommand(lead.id(), null)));
        assertThat(conversion.linkedExisting()).isTrue();
        assertThat(conversion.customerId()).isEqualTo(adaId);
        convertedLead = conversion.lead();
        LeadView lost = step("leads: create", () -> crm.leads().create(rep, CreateLeadCommand.builder()
                .firstName("Charles").lastName("Babbage").email("charles@example.com").source(LeadSource.REFERRAL)
                .build()));
        step("leads: lose one, with a reason", () -> crm.leads().changeStage(rep,
                new ChangeLeadStageCommand(lost.id(), LeadStage.LOST, "no budget this year", null)));
        step("interactions: log one with a customer", () -> crm.interactions().log(rep,
                LogInteractionCommand.builder().type(InteractionType.EMAIL).customerId(adaId).occurredAt(now)
                        .direction(Direction.INBOUND).subject("Budget confirmed").summary("approved for Q3")
                        .build()));
        assertThat(step("interactions: timeline", () -> crm.interactions().timeline(rep,
                TimelineQuery.ofCustomer(adaId, 10))).items()).as("the lead's call moved to the customer").hasSize(2);
    }

    private void tasks() {
        reminded = step("tasks: create one with a reminder", () -> crm.tasks().create(salesManager,
                CreateTaskCommand.builder().title("Call about the renewal").dueAt(now.plus(Duration.ofDays(1)))
                        .priority(TaskPriority.HIGH).assigneeId(repProfile.id())
                        .link(TaskLinkData.customer(adaId)).reminderAt(now.plus(Duration.ofHours(1))).build()));
        assertThat(step("tasks: my tasks", () -> crm.tasks().myTasks(rep, MyTasksQuery.open(20))).items())
                .as("the converted lead's task and the new one").hasSize(2);
        step("tasks: overdue", () -> crm.tasks().overdue(salesManager, OverdueTasksQuery.all(10)));
    }

    private void tickets() {
        TicketView submitted = step("tickets: submit", () -> crm.tickets().submit(ada, SubmitTicketCommand.builder()
                .customerId(adaId).subject("The pen leaks").description("Ink everywhere").category("product")
                .priority(TicketPriority.NORMAL).channel(TicketChannel.WEB).purchaseId(purchase.id()).build()));
        step("tickets: assign to a queue", () -> crm.tickets().assign(admin, AssignTicketCommand.builder()
                .ticketId(submitted.id()).departmentId(care.id()).reason("product issue").build()));
        step("tickets: pick up", () -> crm.tickets().pickUp(agent, new PickUpTicketCommand(submitted.id(), null)));
        step("tickets: comment internally", () -> crm.tickets().comment(agent,
                new CommentTicketCommand(submitted.id(), true, "Known problem of one batch")));
        step("tickets: answer", () -> crm.tickets().comment(agent,
                new CommentTicketCommand(submitted.id(), false, "Sorry! Could you send a photo?")));
        step("tickets: wait on the customer", () -> crm.tickets().changeStatus(agent,
                new ChangeTicketStatusCommand(submitted.id(), TicketStatus.WAITING_ON_CUSTOMER, "photo asked", null)));
        CommentTicketCommand photo = new CommentTicketCommand(submitted.id(), false, "Photo attached", "ada-photo-1");
        step("tickets: the customer answers", () -> crm.tickets().comment(ada, photo));
        step("tickets: the customer's retry with its idempotency key", () -> crm.tickets().comment(ada, photo));
        step("tickets: escalate", () -> crm.tickets().escalate(agent, EscalateTicketCommand.builder()
                .ticketId(submitted.id()).priority(TicketPriority.HIGH).reason("the customer waited").build()));
        resolved = step("tickets: resolve", () -> crm.tickets().changeStatus(agent,
                new ChangeTicketStatusCommand(submitted.id(), TicketStatus.RESOLVED, "replacement sent", null)));
        forgotten = step("tickets: submit", () -> crm.tickets().submit(ada, SubmitTicketCommand.builder()
                .customerId(adaId).subject("Invoice copy").description("Please send it again").category("billing")
                .priority(TicketPriority.LOW).channel(TicketChannel.EMAIL).departmentId(care.id()).build()));
        assertThat(step("tickets: search", () -> crm.tickets().search(agent, TicketSearchQuery.all(10))).items())
                .hasSize(2);
        step("tickets: report", () -> crm.tickets().report(crmManager,
                new SupportReportQuery(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)))));
    }

    private void feedback() {
        FeedbackView given = step("feedback: give", () -> crm.feedback().give(ada, GiveFeedbackCommand.builder()
                .customerId(adaId).purchaseId(purchase.id()).productId(pen.id()).rating(4).comment("Lovely nib")
                .build()));
        assertThat(step("feedback: the unanswered", () -> crm.feedback().unanswered(crmManager,
                UnansweredFeedbackQuery.first(10))).items()).extracting(FeedbackView::id).containsExactly(given.id());
        step("feedback: answer", () -> crm.feedback().answer(agent,
                new AnswerFeedbackCommand(given.id(), "Thank you!", given.version())));
        step("feedback: the customer's", () -> crm.feedback().history(ada,
                new CustomerFeedbackQuery(adaId, PageRequest.first(10))));
        assertThat(step("feedback: statistics", () -> crm.feedback().statistics(productManager,
                FeedbackStatisticsQuery.allTime(pen.id()))).count()).isEqualTo(1);
    }

    private void batchJobs() {
        Instant later = now.plus(JOBS_LATER);
        assertThat(step("tasks: the reminder job", () -> jobs.tasks().sendDueReminders(SCHEDULER,
                new SendDueRemindersCommand(later))).sent()).isEqualTo(1);
        assertThat(reminders).hasSize(1);
        assertThat(step("tasks: complete", () -> crm.tasks().complete(rep,
                new TaskStatusCommand(reminded.id(), null))).status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(step("tickets: the SLA breach job", () -> jobs.tickets().checkSla(SCHEDULER, later)).notified())
                .isPositive();
        assertThat(breaches).contains(forgotten.id()).doesNotContain(resolved.id());
        assertThat(step("quotes: the expiry job", () -> jobs.quotes().expireQuotes(SCHEDULER,
                new ExpireQuotesCommand(later))).expired()).isEqualTo(1);
        assertThat(step("quotes: find", () -> crm.quotes().findById(ada, openQuote.id())).orElseThrow().status())
                .isEqualTo(QuoteStatus.EXPIRED);
        step("loyalty: the expiry job", () -> jobs.loyalty().expirePoints(SCHEDULER, new ExpirePointsCommand(later)));
        assertThat(step("loyalty: the tier job", () -> jobs.loyalty().reevaluateTiers(SCHEDULER,
                new ReevaluateTiersCommand(later))).accounts()).isPositive();
    }

    private void gdprExportAndErasure() {
        PersonalDataExport export = step("customers: GDPR export", () -> crm.customers().exportPersonalData(
                crmManager, adaId));
        assertThat(export.sections()).extracting(PersonalDataSection::name)
                .contains(PersonalDataSection.PURCHASES, PersonalDataSection.LOYALTY_LEDGER);
        act("customers: GDPR erasure", () -> crm.customers().erase(crmManager, adaId));
        assertThat(step("customers: find", () -> crm.customers().findById(crmManager, adaId)).orElseThrow().status())
                .isEqualTo(CustomerStatus.ERASED);
        assertThat(step("leads: find", () -> crm.leads().findById(rep, convertedLead.id())).orElseThrow().email())
                .as("the converted lead is erased with the customer").isNull();
        refused("accounts: the erased customer logs in", AuthenticationFailedException.class,
                () -> crm.accounts().authenticate(ADA_EMAIL, ADA_NEW_PASSWORD, DESK));
    }

    /** The retention job, after the erasure blanked the customer's entries: the staff's logins lose theirs too. */
    private void accessLogRetention() {
        assertThat(step("accounts: the access log's retention job", () -> jobs.accounts().expireAccessContext(
                SCHEDULER, new ExpireAccessContextCommand(now.plus(JOBS_LATER))))).isPositive();
        assertThat(step("accounts: read the access log", () -> crm.accounts().accessLog(admin,
                AccessLogQuery.builder().page(PageRequest.first(50)).build())).items()).isNotEmpty()
                .allSatisfy(e -> assertThat(e.sourceAddress()).isNull());
    }

    private void auditTrail() {
        refused("audit: a sales rep searches", AccessDeniedException.class,
                () -> crm.audit().search(rep, AuditQuery.all(10)));
        assertThat(step("audit: search", () -> crm.audit().search(admin,
                AuditQuery.all(10).action("customer.erase"))).items()).hasSize(1);
        assertThat(step("audit: search the refusals", () -> crm.audit().search(admin,
                AuditQuery.all(10).outcome(AuditOutcome.DENIED))).items()).isNotEmpty();
    }

    private Actor hire(String name, Role role, DepartmentView department) {
        return logIn(profile(name, role, department));
    }

    private StaffView profile(String name, Role role, DepartmentView department) {
        return step("staff: create", () -> crm.staff().create(admin, CreateStaffCommand.builder()
                .firstName(name.substring(0, name.indexOf('.'))).lastName(name.substring(name.indexOf('.') + 1))
                .workEmail(name + "@example.com").departmentId(department.id()).roles(Set.of(role.name()))
                .initialPassword(STAFF_PASSWORD).build()));
    }

    private Actor logIn(StaffView user) {
        return step("accounts: log in", () -> crm.accounts().authenticate(user.workEmail(), STAFF_PASSWORD, DESK));
    }

    /**
     * @param what the area and the use case, for the message
     * @param call the use case
     * @param <T>  what it returns
     * @return what it returned
     * @throws AssertionError when it throws, naming the step and, for the server's "access denied", docs/embedding.md
     */
    private static <T> T step(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw failed(what, e);
        }
    }

    /** Like {@link #step}, for a call that returns nothing. */
    private static void act(String what, Runnable call) {
        step(what, () -> {
            call.run();
            return null;
        });
    }

    /** Like {@link #step}, for a call that must end in the given refusal (any other exception fails the test). */
    private static void refused(String what, Class<? extends RuntimeException> refusal, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            if (refusal.isInstance(e)) {
                return;
            }
            throw failed(what, e);
        }
        throw new AssertionError(what + ": expected " + refusal.getSimpleName() + ", but the call succeeded");
    }

    private static AssertionError failed(String what, RuntimeException e) {
        String hint = ReadmeGrantsIT.accessDenied(e)
                ? " -- the server denied docs/embedding.md's application user a privilege: the grant list in"
                + " docs/embedding.md (MySQL setup) misses it"
                : "";
        return new AssertionError(what + " failed as docs/embedding.md's application user: " + e + hint, e);
    }
}
