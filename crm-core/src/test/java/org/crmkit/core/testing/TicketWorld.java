package org.crmkit.core.testing;

import org.crmkit.core.internal.AreaPorts;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.sales.port.in.PurchaseView;
import org.crmkit.core.sales.port.in.RecordPurchaseCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.core.ticket.port.out.TicketCriteria;

/**
 * A support desk for ticket tests on either adapter: a {@link Crm} on a hand-moved clock starting on a Monday at
 * 09:00 UTC (the standard SLA calendar's opening), a support department with two agents, another department with
 * one, a support manager, and two customers; Alice bought a mug. Names and references carry a run token, so a world
 * can be built twice on one database.
 */
public final class TicketWorld {
    /** The system actor that sets the world up. */
    public static final Actor SYSTEM = Actor.system("ticket-world");
    /** Monday 2 March 2026, 09:00 UTC. */
    public static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");

    public final MutableClock clock;
    public final RecordingPublisher publisher = new RecordingPublisher();
    public final Crm crm;
    /** The persistence {@link #crm} runs on. */
    public final AreaPorts store;
    public final Tickets tickets;
    public final DepartmentId support;
    public final DepartmentId billing;
    public final Actor agentA;
    public final Actor agentB;
    public final Actor billingAgent;
    public final Actor manager;
    public final CustomerView alice;
    public final CustomerView bob;
    public final Actor aliceActor;
    public final Actor bobActor;
    public final ProductView mug;
    public final ProductView lamp;
    public final PurchaseView alicesPurchase;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    /**
     * @param persistence the adapter, or {@code null} for in-memory
     * @param start       where the clock starts
     * @param notifier    hears about breaches
     */
    public TicketWorld(CrmPersistence persistence, Instant start, SlaBreachNotifier notifier) {
        this(persistence, start, notifier, SupportSla.standard());
    }

    /**
     * @param persistence the adapter, or {@code null} for in-memory
     * @param start       where the clock starts
     * @param notifier    hears about breaches
     * @param sla         the desk's SLA configuration in place of {@link SupportSla#standard()}
     */
    public TicketWorld(CrmPersistence persistence, Instant start, SlaBreachNotifier notifier, SupportSla sla) {
        clock = new MutableClock(start);
        Crm.Builder builder = Crm.builder().clock(clock).eventPublisher(publisher).supportSla(sla)
                .slaBreachNotifier(notifier);
        store = new AreaPorts(persistence != null ? persistence : Crm.inMemoryPersistence());
        builder.persistence(store);
        crm = builder.build();
        tickets = crm.tickets();
        support = crm.departments().create(SYSTEM, new CreateDepartmentCommand("Support " + run, null)).id();
        billing = crm.departments().create(SYSTEM, new CreateDepartmentCommand("Billing " + run, null)).id();
        agentA = TestStaff.enrol(crm, StaffId.next(clock), support, Role.SUPPORT_AGENT);
        agentB = TestStaff.enrol(crm, StaffId.next(clock), support, Role.SUPPORT_AGENT);
        billingAgent = TestStaff.enrol(crm, StaffId.next(clock), billing, Role.SUPPORT_AGENT);
        manager = TestStaff.enrol(crm, StaffId.next(clock), support, Role.SUPPORT_MANAGER);
        alice = register("Alice");
        bob = register("Bob");
        aliceActor = Actor.customer(alice.id());
        bobActor = Actor.customer(bob.id());
        mug = product("MUG");
        lamp = product("LAMP");
        alicesPurchase = crm.sales().recordPurchase(SYSTEM, new RecordPurchaseCommand(alice.id(),
                start.minusSeconds(86_400), SalesChannel.STORE, "shop", "ORDER-" + run, "EUR",
                List.of(new RecordPurchaseCommand.Line(1, mug.id(), 1, new BigDecimal("12.00")))));
        publisher.clear();
    }

    /** @return a world on the in-memory adapter, starting {@link #MONDAY_9}, logging breaches */
    public static TicketWorld inMemory() {
        return new TicketWorld(null, MONDAY_9, SlaBreachNotifier.logging());
    }

    private CustomerView register(String name) {
        return crm.customers().register(SYSTEM, RegisterCustomerCommand.selfSignUp(name, "Customer",
                name.toLowerCase(java.util.Locale.ROOT) + "-" + run + "@example.org", null, false));
    }

    private ProductView product(String sku) {
        return crm.products().create(SYSTEM, new CreateProductCommand(sku + "-" + run, sku, null, null,
                new BigDecimal("12.00"), "EUR"));
    }

    /** @param customer whose @return a normal web ticket about nothing in particular, in the support queue */
    public SubmitTicketCommand ticketFor(CustomerId customer) {
        return new SubmitTicketCommand(customer, "Printer on fire", "It smokes.", "hardware",
                TicketPriority.NORMAL, TicketChannel.WEB, null, null, null, support);
    }

    /** @param by the submitter @param customer whose @return the submitted ticket */
    public TicketView submit(Actor by, CustomerId customer) {
        return tickets.submit(by, ticketFor(customer));
    }

    /** @param actor a staff actor @return their id */
    public static StaffId idOf(Actor actor) {
        return ((Actor.Staff) actor).id();
    }

    /** @return every stored ticket's state, and each one's breach marks, for before/after comparisons */
    public List<Object> storedTickets() {
        return store.unitOfWork().inTransaction(() -> store.tickets()
                .search(TicketCriteria.any(), null, 10_000).stream().map(t -> {
                    TicketSnapshot s = t;
                    return (Object) List.of(s, marks(s.id()));
                }).toList());
    }

    private List<Object> marks(TicketId id) {
        return java.util.Arrays.stream(org.crmkit.core.ticket.SlaTarget.values())
                .map(target -> (Object) store.tickets().breachNotifiedAt(id, target)).toList();
    }
}
