package org.crmkit.core.architecture;

import org.crmkit.core.testing.SignUps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.crmkit.core.Crm;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import org.crmkit.core.customer.port.in.CustomerSort;
import org.crmkit.core.feedback.port.in.CustomerFeedbackQuery;
import org.crmkit.core.feedback.port.in.GiveFeedbackCommand;
import org.crmkit.core.feedback.port.in.ProductFeedbackQuery;
import org.crmkit.core.interaction.Direction;
import org.crmkit.core.interaction.InteractionType;
import org.crmkit.core.interaction.port.in.LogInteractionCommand;
import org.crmkit.core.interaction.port.in.TimelineQuery;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadSearchQuery;
import org.crmkit.core.lead.port.in.LeadSort;
import org.crmkit.core.lead.port.in.LeadView;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.LoyaltyStatementQuery;
import org.crmkit.core.loyalty.port.in.OpenLoyaltyAccountCommand;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.CustomerQuotesQuery;
import org.crmkit.core.quote.port.in.QuoteSearchQuery;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.in.RequestQuoteCommand;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseHistoryQuery;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.StaffSearchQuery;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.port.in.LinkedTasksQuery;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.TaskSort;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * One contract for every paged search a host can call through {@link Crm} (each {@code port.in} method that takes a
 * {@link PageRequest}): a cursor is bound to the query's filters and sort. For each search, with enough records
 * stored that the first page of size 1 under a query A has a next cursor,
 * <ul>
 *     <li>that cursor passed back under A again is accepted (the control), and</li>
 *     <li>that cursor passed back under A with one filter (or the sort) changed is refused with a {@link CrmException}
 *     naming {@code page.cursor} as belonging to another query, once for every filter of the query.</li>
 * </ul>
 * A search whose cursor scope leaves a filter out fails the case of that filter. The unanswered-feedback list has no
 * filter, so it has no case to refuse.
 */
class CursorScopeTest {
    private static final Actor SYSTEM = TicketWorld.SYSTEM;
    private static final AccessContext OFFICE = new AccessContext("192.0.2.10", "cursor-scope-test");

    private static TicketWorld world;
    private static Crm crm;
    private static CustomerId alice;
    private static CustomerId bob;
    private static CustomerId signedUp;
    private static LeadView lead;
    private static Instant now;
    private static final List<org.crmkit.core.ticket.TicketId> aliceTickets = new ArrayList<>();

    @BeforeAll
    static void storeTwoOfEverything() {
        world = TicketWorld.inMemory();
        crm = world.crm;
        alice = world.alice.id();
        bob = world.bob.id();
        // tasks due soon, overdue once the clock moves on
        for (int i = 0; i < 2; i++) {
            crm.tasks().create(SYSTEM, CreateTaskCommand.builder().title("Call back " + i)
                    .dueAt(world.clock.instant().plus(Duration.ofMinutes(10 + i))).priority(TaskPriority.MEDIUM)
                    .assigneeId(TicketWorld.idOf(world.agentA)).build());
        }
        world.clock.advance(Duration.ofHours(1));
        now = world.clock.instant();
        for (int i = 0; i < 2; i++) {
            lead = crm.leads().create(SYSTEM, CreateLeadCommand.of("Lena" + i, "Lead", "lena" + i + "@example.org",
                    LeadSource.WEB_FORM));
            crm.interactions().log(SYSTEM, new LogInteractionCommand(InteractionType.CALL, alice, null,
                    now.minusSeconds(60 + i), null, Direction.INBOUND, "Call " + i, null,
                    TicketWorld.idOf(world.agentA), null));
            aliceTickets.add(crm.tickets().submit(SYSTEM, world.ticketFor(alice)).id());
            crm.quotes().request(SYSTEM, new RequestQuoteCommand(alice, "EUR",
                    List.of(new RequestQuoteCommand.Line(world.mug.id(), 1 + i)), null));
        }
        for (int i = 0; i < 2; i++) {
            crm.tasks().create(SYSTEM, CreateTaskCommand.builder().title("About the ticket " + i)
                    .dueAt(now.plus(Duration.ofDays(1 + i))).priority(TaskPriority.MEDIUM)
                    .assigneeId(TicketWorld.idOf(world.agentA)).link(TaskLinkData.ticket(aliceTickets.get(0))).build());
        }
        PurchaseView alicesBoth = purchase(alice, "A2", world.mug.id(), world.lamp.id());
        PurchaseView bobsMug = purchase(bob, "B1", world.mug.id());
        crm.feedback().give(SYSTEM, new GiveFeedbackCommand(alice, alicesBoth.id(), world.mug.id(), 4, "Fine"));
        crm.feedback().give(SYSTEM, new GiveFeedbackCommand(alice, alicesBoth.id(), world.lamp.id(), 5, "Bright"));
        crm.feedback().give(SYSTEM, new GiveFeedbackCommand(bob, bobsMug.id(), world.mug.id(), 3, "Hm"));
        crm.loyalty().openAccount(SYSTEM, new OpenLoyaltyAccountCommand(alice));
        crm.loyalty().adjust(SYSTEM, new AdjustPointsCommand(alice, 100, "welcome"));
        crm.loyalty().adjust(SYSTEM, new AdjustPointsCommand(alice, 50, "goodwill"));
        String email = "sina-" + UUID.randomUUID() + "@example.org";
        signedUp = crm.accounts().signUpCustomer(SignUps.command(crm, "Sina", "Signup", email, null, false,
                "a long passphrase 2026"), OFFICE).customerId();
        Actor sina = crm.accounts().authenticate(email, "a long passphrase 2026", OFFICE);
        crm.accounts().logout(sina, OFFICE);
    }

    private static PurchaseView purchase(CustomerId customer, String order, org.crmkit.core.product.ProductId... products) {
        List<RecordPurchaseCommand.Line> lines = new ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            lines.add(new RecordPurchaseCommand.Line(i + 1, products[i], 1, new BigDecimal("12.00")));
        }
        return crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(customer, now.minusSeconds(3_600),
                SalesChannel.STORE, "shop", "ORDER-" + order + "-" + UUID.randomUUID(), "EUR", lines));
    }

    /** A search run with a page request, under query A or under A with one filter changed. */
    private record Search(String name, Function<PageRequest, Page<?>> underA, List<Other> others) {
    }

    /** Query A with the filter {@code changed} changed. */
    private record Other(String changed, Function<PageRequest, Page<?>> query) {
    }

    private static Other other(String changed, Function<PageRequest, Page<?>> query) {
        return new Other(changed, query);
    }

    private static List<Search> searches() {
        StaffId agentA = TicketWorld.idOf(world.agentA);
        StaffId agentB = TicketWorld.idOf(world.agentB);
        Instant from = now.minus(Duration.ofDays(30));
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        return List.of(
                new Search("customers.search", p -> crm.customers().search(SYSTEM, customers(p).build()), List.of(
                        other("text", p -> crm.customers().search(SYSTEM, customers(p).text("Ali").build())),
                        other("status", p -> crm.customers().search(SYSTEM,
                                customers(p).status(CustomerStatus.ACTIVE).build())),
                        other("tag", p -> crm.customers().search(SYSTEM, customers(p).tag("vip").build())),
                        other("countryCode", p -> crm.customers().search(SYSTEM,
                                customers(p).countryCode("CH").build())),
                        other("accountManager", p -> crm.customers().search(SYSTEM,
                                customers(p).accountManager(agentA).build())),
                        other("registeredFrom", p -> crm.customers().search(SYSTEM,
                                customers(p).registeredFrom(from).build())),
                        other("registeredBefore", p -> crm.customers().search(SYSTEM,
                                customers(p).registeredBefore(now.plusSeconds(1)).build())),
                        other("sort", p -> crm.customers().search(SYSTEM,
                                customers(p).sort(CustomerSort.NAME_DESC).build())))),
                new Search("products.search", p -> crm.products().search(SYSTEM, new ProductSearchQuery(null, null,
                        null, p)), List.of(
                        other("text", p -> crm.products().search(SYSTEM, new ProductSearchQuery("M", null, null, p))),
                        other("categoryId", p -> crm.products().search(SYSTEM, new ProductSearchQuery(null,
                                CategoryId.next(world.clock), null, p))),
                        other("status", p -> crm.products().search(SYSTEM, new ProductSearchQuery(null, null,
                                ProductStatus.ACTIVE, p))))),
                new Search("staff.search", p -> crm.staff().search(SYSTEM, new StaffSearchQuery(null, null, null, p)),
                        List.of(
                        other("departmentId", p -> crm.staff().search(SYSTEM, new StaffSearchQuery(world.support,
                                null, null, p))),
                        other("role", p -> crm.staff().search(SYSTEM, new StaffSearchQuery(null, "SUPPORT_AGENT",
                                null, p))),
                        other("active", p -> crm.staff().search(SYSTEM, new StaffSearchQuery(null, null, true, p))))),
                new Search("accounts.accessLog", p -> crm.accounts().accessLog(SYSTEM,
                        new AccessLogQuery(null, signedUp, today, "UTC", p)), List.of(
                        other("customerId", p -> crm.accounts().accessLog(SYSTEM,
                                new AccessLogQuery(null, alice, today, "UTC", p))),
                        other("staffId", p -> crm.accounts().accessLog(SYSTEM,
                                new AccessLogQuery(agentA, null, today, "UTC", p))),
                        other("day", p -> crm.accounts().accessLog(SYSTEM,
                                new AccessLogQuery(null, signedUp, today.plusDays(1), "UTC", p))),
                        other("zone", p -> crm.accounts().accessLog(SYSTEM,
                                new AccessLogQuery(null, signedUp, today, "Pacific/Kiritimati", p))))),
                new Search("audit.search", p -> crm.audit().search(SYSTEM, audit(p)), List.of(
                        other("actorType", p -> crm.audit().search(SYSTEM, new AuditQuery(ActorType.STAFF, null, null,
                                null, null, null, null, p))),
                        other("actorRef", p -> crm.audit().search(SYSTEM, new AuditQuery(null, "someone", null,
                                null, null, null, null, p))),
                        other("action", p -> crm.audit().search(SYSTEM, audit(p).action("customer.register"))),
                        other("targetType", p -> crm.audit().search(SYSTEM, new AuditQuery(null, null, null,
                                "customer", null, null, null, p))),
                        other("targetId", p -> crm.audit().search(SYSTEM, new AuditQuery(null, null, null, null,
                                alice.value(), null, null, p))),
                        other("from", p -> crm.audit().search(SYSTEM, audit(p).between(from, null))),
                        other("before", p -> crm.audit().search(SYSTEM, audit(p).between(null, now.plusSeconds(1)))),
                        other("outcome", p -> crm.audit().search(SYSTEM, audit(p).outcome(AuditOutcome.SUCCESS))))),
                new Search("leads.search", p -> crm.leads().search(SYSTEM, leads(p).build()), List.of(
                        other("text", p -> crm.leads().search(SYSTEM, leads(p).text("Lena").build())),
                        other("stage", p -> crm.leads().search(SYSTEM, leads(p).stage(LeadStage.NEW)
                                .build())),
                        other("owner", p -> crm.leads().search(SYSTEM, leads(p).owner(agentA).build())),
                        other("source", p -> crm.leads().search(SYSTEM, leads(p)
                                .source(LeadSource.WEB_FORM).build())),
                        other("minScore", p -> crm.leads().search(SYSTEM, leads(p).minScore(0).build())),
                        other("maxScore", p -> crm.leads().search(SYSTEM, leads(p).maxScore(100)
                                .build())),
                        other("createdFrom", p -> crm.leads().search(SYSTEM, leads(p).createdFrom(from)
                                .build())),
                        other("createdBefore", p -> crm.leads().search(SYSTEM, leads(p)
                                .createdBefore(now.plusSeconds(1)).build())),
                        other("sort", p -> crm.leads().search(SYSTEM, leads(p).sort(LeadSort.CREATED_ASC)
                                .build())))),
                new Search("interactions.timeline", p -> crm.interactions().timeline(SYSTEM,
                        new TimelineQuery(alice, null, p)), List.of(
                        other("customerId", p -> crm.interactions().timeline(SYSTEM, new TimelineQuery(bob, null, p))),
                        other("leadId instead of customerId", p -> crm.interactions().timeline(SYSTEM,
                                new TimelineQuery(null, lead.id(), p))))),
                new Search("tasks.myTasks", p -> crm.tasks().myTasks(world.agentA,
                        new MyTasksQuery(Set.of(TaskStatus.PENDING), TaskSort.DUE_ASC, p)), List.of(
                        other("statuses", p -> crm.tasks().myTasks(world.agentA,
                                new MyTasksQuery(TaskStatus.OPEN, TaskSort.DUE_ASC, p))),
                        other("sort", p -> crm.tasks().myTasks(world.agentA,
                                new MyTasksQuery(Set.of(TaskStatus.PENDING), TaskSort.DUE_DESC, p))))),
                new Search("tasks.overdue", p -> crm.tasks().overdue(SYSTEM,
                        new OverdueTasksQuery(agentA, TaskSort.DUE_ASC, p)), List.of(
                        other("assigneeId", p -> crm.tasks().overdue(SYSTEM,
                                new OverdueTasksQuery(agentB, TaskSort.DUE_ASC, p))),
                        other("assigneeId dropped", p -> crm.tasks().overdue(SYSTEM,
                                new OverdueTasksQuery(null, TaskSort.DUE_ASC, p))),
                        other("sort", p -> crm.tasks().overdue(SYSTEM,
                                new OverdueTasksQuery(agentA, TaskSort.DUE_DESC, p))))),
                new Search("tasks.linkedTo", p -> crm.tasks().linkedTo(SYSTEM, new LinkedTasksQuery(
                        TaskLinkData.ticket(aliceTickets.get(0)), null, TaskSort.DUE_ASC, p)), List.of(
                        other("link.id", p -> crm.tasks().linkedTo(SYSTEM, new LinkedTasksQuery(
                                TaskLinkData.ticket(aliceTickets.get(1)), null, TaskSort.DUE_ASC, p))),
                        other("link.kind", p -> crm.tasks().linkedTo(SYSTEM, new LinkedTasksQuery(
                                new TaskLinkData(TaskLinkKind.CUSTOMER, alice.value()), null, TaskSort.DUE_ASC, p))),
                        other("statuses", p -> crm.tasks().linkedTo(SYSTEM, new LinkedTasksQuery(
                                TaskLinkData.ticket(aliceTickets.get(0)), TaskStatus.OPEN, TaskSort.DUE_ASC, p))),
                        other("sort", p -> crm.tasks().linkedTo(SYSTEM, new LinkedTasksQuery(
                                TaskLinkData.ticket(aliceTickets.get(0)), null, TaskSort.DUE_DESC, p))))),
                new Search("tickets.search", p -> crm.tickets().search(SYSTEM, tickets(p).build()), List.of(
                        other("statuses", p -> crm.tickets().search(SYSTEM, tickets(p)
                                .statuses(Set.of(TicketStatus.OPEN)).build())),
                        other("priority", p -> crm.tickets().search(SYSTEM, tickets(p)
                                .priority(TicketPriority.NORMAL).build())),
                        other("assignee", p -> crm.tickets().search(SYSTEM, tickets(p).assignee(agentA).build())),
                        other("departmentId", p -> crm.tickets().search(SYSTEM, tickets(p)
                                .departmentId(world.support).build())),
                        other("customerId", p -> crm.tickets().search(SYSTEM, tickets(p).customerId(alice).build())),
                        other("category", p -> crm.tickets().search(SYSTEM, tickets(p).category("hardware")
                                .build())),
                        other("breachedAsOf", p -> crm.tickets().search(SYSTEM, tickets(p).breachedAsOf(now)
                                .build())),
                        other("createdFrom", p -> crm.tickets().search(SYSTEM, tickets(p).createdFrom(from).build())),
                        other("createdBefore", p -> crm.tickets().search(SYSTEM, tickets(p)
                                .createdBefore(now.plusSeconds(1)).build())),
                        other("text", p -> crm.tickets().search(SYSTEM, tickets(p).text("printer").build())))),
                new Search("feedback.history", p -> crm.feedback().history(SYSTEM,
                        new CustomerFeedbackQuery(alice, p)), List.of(
                        other("customerId", p -> crm.feedback().history(SYSTEM, new CustomerFeedbackQuery(bob, p))))),
                new Search("feedback.forProduct", p -> crm.feedback().forProduct(SYSTEM,
                        new ProductFeedbackQuery(world.mug.id(), p)), List.of(
                        other("productId", p -> crm.feedback().forProduct(SYSTEM,
                                new ProductFeedbackQuery(world.lamp.id(), p))))),
                new Search("sales.history", p -> crm.sales().history(SYSTEM, new PurchaseHistoryQuery(alice, p)),
                        List.of(other("customerId", p -> crm.sales().history(SYSTEM,
                                new PurchaseHistoryQuery(bob, p))))),
                new Search("loyalty.statement", p -> crm.loyalty().statement(SYSTEM,
                        new LoyaltyStatementQuery(alice, p)).entries(), List.of(
                        other("customerId", p -> crm.loyalty().statement(SYSTEM,
                                new LoyaltyStatementQuery(bob, p)).entries()))),
                new Search("quotes.customerQuotes", p -> crm.quotes().customerQuotes(SYSTEM,
                        new CustomerQuotesQuery(alice, p)), List.of(
                        other("customerId", p -> crm.quotes().customerQuotes(SYSTEM,
                                new CustomerQuotesQuery(bob, p))))),
                new Search("quotes.search", p -> crm.quotes().search(SYSTEM,
                        new QuoteSearchQuery(null, null, QuoteSort.REQUESTED_DESC, p)), List.of(
                        other("status", p -> crm.quotes().search(SYSTEM,
                                new QuoteSearchQuery(QuoteStatus.REQUESTED, null, QuoteSort.REQUESTED_DESC, p))),
                        other("customerId", p -> crm.quotes().search(SYSTEM,
                                new QuoteSearchQuery(null, alice, QuoteSort.REQUESTED_DESC, p))),
                        other("sort", p -> crm.quotes().search(SYSTEM,
                                new QuoteSearchQuery(null, null, QuoteSort.REQUESTED_ASC, p))))));
    }

    private static CustomerSearchQuery.Builder customers(PageRequest page) {
        return CustomerSearchQuery.builder().sort(CustomerSort.NAME_ASC).page(page);
    }

    private static AuditQuery audit(PageRequest page) {
        return new AuditQuery(null, null, null, null, null, null, null, page);
    }

    private static LeadSearchQuery.Builder leads(PageRequest page) {
        return LeadSearchQuery.builder().sort(LeadSort.CREATED_DESC).page(page);
    }

    private static TicketSearchQuery.Builder tickets(PageRequest page) {
        return TicketSearchQuery.builder().page(page);
    }

    @TestFactory
    Stream<DynamicNode> aCursorIsAcceptedOnlyUnderTheFiltersItWasTakenUnder() {
        return searches().stream().map(search -> {
            List<DynamicNode> checks = new ArrayList<>();
            checks.add(DynamicTest.dynamicTest("the same cursor under the same filters is accepted", () -> {
                String cursor = firstCursor(search);
                Page<?> second = search.underA().apply(PageRequest.first(1).next(cursor));
                assertThat(second.items()).as("the second page").hasSize(1);
            }));
            for (Other other : search.others()) {
                checks.add(DynamicTest.dynamicTest("the cursor is refused once " + other.changed() + " changes", () -> {
                    String cursor = firstCursor(search);
                    Throwable thrown = catchThrowable(() -> other.query().apply(PageRequest.first(1).next(cursor)));
                    assertRefusedCursor(thrown);
                }));
            }
            return DynamicContainer.dynamicContainer(search.name(), checks);
        });
    }

    private static String firstCursor(Search search) {
        Page<?> first = search.underA().apply(PageRequest.first(1));
        assertThat(first.items()).as("the first page").hasSize(1);
        return first.nextCursor().orElseThrow(() -> new AssertionError("the first page has no next cursor"));
    }

    private static void assertRefusedCursor(Throwable thrown) {
        assertThat(thrown).as("the call with another query's cursor").isInstanceOf(CrmException.class);
        if (thrown instanceof InvalidCommandException invalid) {
            assertThat(invalid.errors()).singleElement().satisfies(error -> {
                assertThat(error.field()).isEqualTo("page.cursor");
                assertThat(error.message()).contains("another query");
            });
        } else {
            assertThat(thrown).isInstanceOf(InvalidValueException.class);
            InvalidValueException invalid = (InvalidValueException) thrown;
            assertThat(invalid.field()).isEqualTo("page.cursor");
            assertThat(invalid.reason()).contains("another query");
        }
    }
}
