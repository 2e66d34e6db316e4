package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.in.AssignTicketCommand;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.AtRiskTicket;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code tickets.atRisk} with the caller's scope applied in the store (issue 18, finding 6): every caller gets what the
 * former scan of every pending ticket, narrowed in Java, gave (an oracle that restores each ticket with its history and
 * asks {@link Ticket#remaining}), and the store hands the use case only the SLA figures of the tickets the caller
 * reaches: no ticket with its comments and history, and no ticket outside the caller's reach.
 */
class AtRiskScopeTest {
    private final List<String> ticketCalls = new ArrayList<>();
    private final List<TicketId> scanned = new ArrayList<>();
    private TicketWorld w;
    private List<TicketId> made;

    @BeforeEach
    void givenTicketsOfEveryKindAcrossTwoQueues() {
        CrmPersistence store = InMemoryCrmPersistence.create();
        TicketRepository tickets = store.port(TicketRepository.class).orElseThrow();
        TicketRepository recording = delegate(TicketRepository.class, tickets, (method, args) -> {
            ticketCalls.add(method.getName());
            Object result = method.invoke(tickets, args);
            if (method.getName().equals("findPendingSla")) {
                ((List<?>) result).forEach(s -> scanned.add(((TicketSlaState) s).id()));
            }
            return result;
        });
        w = new TicketWorld(delegate(CrmPersistence.class, store, (method, args) ->
                method.getName().equals("port") && args[0] == TicketRepository.class ? Optional.of(recording)
                        : method.invoke(store, args)), TicketWorld.MONDAY_9, SlaBreachNotifier.logging());
        made = new ArrayList<>();
        TicketId queued = submit(w.alice.id(), w.support);                      // support queue, nobody's
        TicketId billing = submit(w.bob.id(), w.billing);
        assign(billing, w.billingAgent, w.billing);                             // the billing agent's
        TicketId waiting = submit(w.alice.id(), w.support);
        assign(waiting, w.agentA, w.support);
        status(waiting, TicketStatus.WAITING_ON_CUSTOMER);                      // both clocks stand
        TicketId resumed = submit(w.bob.id(), w.support);
        assign(resumed, w.agentB, w.support);
        status(resumed, TicketStatus.WAITING_ON_CUSTOMER);
        w.clock.advance(Duration.ofMinutes(40));
        w.tickets.comment(w.bobActor, new CommentTicketCommand(resumed, false, "the serial number is 42"));
        TicketId resolved = submit(w.alice.id(), w.support);
        status(resolved, TicketStatus.RESOLVED);                                // not pending
        TicketId reopened = submit(w.alice.id(), w.billing);
        status(reopened, TicketStatus.RESOLVED);
        w.clock.advance(Duration.ofMinutes(10));
        status(reopened, TicketStatus.IN_PROGRESS);                             // pending again
        TicketId answered = submit(w.bob.id(), w.billing);
        assign(answered, w.agentA, w.billing);                                  // agent A's, in another queue
        w.tickets.comment(w.manager, new CommentTicketCommand(answered, false, "on it"));
        made.addAll(List.of(queued, billing, waiting, resumed, resolved, reopened, answered));
        w.clock.advance(Duration.ofHours(2));
        ticketCalls.clear();
        scanned.clear();
    }

    @Test
    void everyCallerGetsWhatTheScanOfEveryPendingTicketNarrowedInJavaGave() {
        for (Instant asOf : List.of(w.clock.instant(), w.clock.instant().plus(Duration.ofHours(3)))) {
            for (double share : new double[] {1.0, 0.5}) {
                AtRiskQuery query = new AtRiskQuery(asOf, share, 200);
                assertThat(w.tickets.atRisk(w.manager, query)).as("the manager").isEqualTo(oracle(query, null));
                assertThat(w.tickets.atRisk(w.agentA, query)).as("agent A")
                        .isEqualTo(oracle(query, t -> isAgents(t, w.agentA, w.support)));
                assertThat(w.tickets.atRisk(w.agentB, query)).as("agent B")
                        .isEqualTo(oracle(query, t -> isAgents(t, w.agentB, w.support)));
                assertThat(w.tickets.atRisk(w.billingAgent, query)).as("the billing agent")
                        .isEqualTo(oracle(query, t -> isAgents(t, w.billingAgent, w.billing)));
                assertThat(w.tickets.atRisk(w.aliceActor, query)).as("Alice")
                        .isEqualTo(oracle(query, t -> t.customer().equals(w.alice.id())));
                assertThat(w.tickets.atRisk(w.bobActor, query)).as("Bob")
                        .isEqualTo(oracle(query, t -> t.customer().equals(w.bob.id())));
            }
        }
        AtRiskQuery all = new AtRiskQuery(w.clock.instant(), 1.0, 200);
        assertThat(w.tickets.atRisk(w.agentA, all)).as("agent A's: their queue's and their own elsewhere")
                .extracting(AtRiskTicket::ticketId).contains(made.get(0), made.get(6))
                .doesNotContain(made.get(1), made.get(2), made.get(5));
        assertThat(w.tickets.atRisk(w.manager, all)).extracting(AtRiskTicket::ticketId)
                .as("standing clocks and resolved tickets are never at risk")
                .doesNotContain(made.get(2), made.get(4)).contains(made.get(3), made.get(5));
    }

    @Test
    void theStoreHandsAnAgentOnlyTheSlaFiguresOfTheTicketsTheyReach() {
        w.tickets.atRisk(w.billingAgent, new AtRiskQuery(w.clock.instant(), 1.0, 200));

        assertThat(ticketCalls).as("only the scan of SLA figures: no ticket with comments and history")
                .containsOnly("findPendingSla");
        assertThat(scanned).as("the billing queue's pending tickets, and none of the support queue's")
                .containsExactlyInAnyOrder(made.get(1), made.get(5), made.get(6));
    }

    @Test
    void theStoreHandsACustomerOnlyTheirOwnPendingTickets() {
        w.tickets.atRisk(w.aliceActor, new AtRiskQuery(w.clock.instant(), 1.0, 200));

        assertThat(ticketCalls).containsOnly("findPendingSla");
        assertThat(scanned).containsExactlyInAnyOrder(made.get(0), made.get(2), made.get(5));
    }

    /** The former algorithm: every pending ticket restored with its history, narrowed by {@code reaches}. */
    private List<AtRiskTicket> oracle(AtRiskQuery query, java.util.function.Predicate<Ticket> reaches) {
        List<AtRiskTicket> found = new ArrayList<>();
        List<TicketSnapshot> all = w.store.unitOfWork().inTransaction(() -> w.store.tickets()
                .search(TicketCriteria.any(), null, 1000));
        for (TicketSnapshot s : all) {
            Ticket t = Ticket.restore(s);
            if (!s.status().isPending() || reaches != null && !reaches.test(t)) {
                continue;
            }
            AtRiskTicket worst = null;
            for (SlaTarget target : SlaTarget.values()) {
                Optional<Duration> left = t.remaining(target, SupportSla.standard().calendar(), query.asOf());
                if (left.isEmpty()) {
                    continue;
                }
                double shareLeft = (double) left.get().toMillis() / s.targets().of(target).toMillis();
                if (shareLeft < query.share() && (worst == null || shareLeft < worst.shareLeft())) {
                    worst = new AtRiskTicket(t.id(), s.priority(), target, t.dueAt(target), left.get(), shareLeft);
                }
            }
            if (worst != null) {
                found.add(worst);
            }
        }
        found.sort(Comparator.comparingDouble(AtRiskTicket::shareLeft)
                .thenComparing(a -> a.ticketId().value().toString()));
        return found.stream().limit(query.limit()).toList();
    }

    private static boolean isAgents(Ticket t, Actor agent, DepartmentId department) {
        return TicketWorld.idOf(agent).equals(t.assignee()) || department.equals(t.department());
    }

    private TicketId submit(CustomerId customer, DepartmentId queue) {
        w.clock.advance(Duration.ofMinutes(5));
        return w.tickets.submit(w.manager, new SubmitTicketCommand(customer, "Printer on fire", "It smokes.",
                "hardware", TicketPriority.NORMAL, TicketChannel.WEB, null, null, null, queue)).id();
    }

    private void assign(TicketId ticket, Actor agent, DepartmentId queue) {
        w.tickets.assign(w.manager, AssignTicketCommand.builder().ticketId(ticket).assignee(TicketWorld.idOf(agent))
                .departmentId(queue).build());
    }

    private void status(TicketId ticket, TicketStatus status) {
        w.clock.advance(Duration.ofMinutes(1));
        w.tickets.changeStatus(w.manager, new ChangeTicketStatusCommand(ticket, status, null));
    }

    /** The handler's answer to every call of the interface, unwrapping what a reflective call throws. */
    private interface Call {
        Object answer(java.lang.reflect.Method method, Object[] args) throws Exception;
    }

    private static <T> T delegate(Class<T> type, T target, Call call) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            try {
                return call.answer(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }));
    }
}
