package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.AtRiskTicket;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.junit.jupiter.api.Test;

/**
 * The at-risk dashboard ({@code tickets.atRisk}) through the use case on the in-memory adapter, on the standard SLA
 * (Monday to Friday 09:00 to 17:00 UTC; NORMAL 8h / 24h, URGENT 1h / 4h): which targets are listed, which one a ticket
 * is listed with, in which order, and to whom.
 */
class AtRiskTicketsTest {
    private final TicketWorld w = TicketWorld.inMemory();

    @Test
    void aTargetWithExactlyTheAskedShareLeftIsNotAtRiskYet() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(4)); // 13:00: half of the 8-hour first response left

        assertThat(atRisk(w.manager, 0.5)).as("less than half left is asked; exactly half is left").isEmpty();

        w.clock.advance(Duration.ofSeconds(1));
        assertThat(atRisk(w.manager, 0.5)).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(id);
            assertThat(r.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
        });
    }

    @Test
    void aTargetAlreadyMetIsNeverAtRiskWhileTheOtherStillIs() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofMinutes(30));
        w.tickets.comment(w.agentA, new CommentTicketCommand(id, false, "Looking into it"));
        // Wednesday 12:00: 19 of the 24 business hours of the resolution have run, 5 are left (about 21%)
        w.clock.advance(Duration.ofDays(2).plusHours(2).plusMinutes(30));

        assertThat(atRisk(w.manager, 0.25)).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(id);
            assertThat(r.target()).isEqualTo(SlaTarget.RESOLUTION);
            assertThat(r.remaining()).isEqualTo(Duration.ofHours(5));
            assertThat(r.dueAt()).isEqualTo(Instant.parse("2026-03-04T17:00:00Z"));
        });
    }

    @Test
    void aTicketWithBothTargetsAtRiskIsListedWithTheOneThatHasTheLeastShareLeft() {
        TicketId urgent = w.tickets.submit(w.aliceActor, command(w.alice.id(), TicketPriority.URGENT, null,
                w.support)).id();
        w.clock.advance(Duration.ofMinutes(30)); // first response: half left; resolution: 7/8 left

        assertThat(atRisk(w.manager, 0.9)).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(urgent);
            assertThat(r.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
            assertThat(r.shareLeft()).isEqualTo(0.5);
        });

        // a host may promise the resolution sooner than the first answer (nothing refuses it): then the resolution
        // is the target closest to being missed
        TicketWorld callbacks = new TicketWorld(null, TicketWorld.MONDAY_9, SlaBreachNotifier.logging(),
                SupportSla.standard().withCategoryTargets("callback", TicketPriority.NORMAL,
                        new SlaTargets(Duration.ofHours(2), Duration.ofHours(1))));
        TicketId callback = callbacks.tickets.submit(callbacks.aliceActor, command(callbacks.alice.id(),
                TicketPriority.NORMAL, "callback", callbacks.support)).id();
        callbacks.clock.advance(Duration.ofMinutes(45)); // first response: 62.5% left; resolution: 25% left

        assertThat(callbacks.tickets.atRisk(callbacks.manager, new AtRiskQuery(callbacks.clock.instant(), 0.9, 10)))
                .singleElement().satisfies(r -> {
                    assertThat(r.ticketId()).isEqualTo(callback);
                    assertThat(r.target()).isEqualTo(SlaTarget.RESOLUTION);
                    assertThat(r.shareLeft()).isEqualTo(0.25);
                });
    }

    @Test
    void theTicketWithTheLeastShareLeftComesFirst() {
        TicketId normal = w.submit(w.aliceActor, w.alice.id()).id();
        TicketId urgent = w.tickets.submit(w.bobActor, command(w.bob.id(), TicketPriority.URGENT, null,
                w.support)).id();
        w.clock.advance(Duration.ofMinutes(45)); // normal: 7.25 of 8 hours left; urgent: 15 of 60 minutes

        assertThat(atRisk(w.manager, 0.95)).extracting(AtRiskTicket::ticketId).containsExactly(urgent, normal);
    }

    @Test
    void anAgentSeesOnlyTheTicketsAtRiskInTheirOwnDepartmentsQueue() {
        TicketId supports = w.submit(w.aliceActor, w.alice.id()).id();
        TicketId billings = w.tickets.submit(w.bobActor, command(w.bob.id(), TicketPriority.NORMAL, null,
                w.billing)).id();
        w.clock.advance(Duration.ofHours(7)); // 16:00: both have an eighth of their first response left

        assertThat(atRisk(w.agentA, 0.25)).extracting(AtRiskTicket::ticketId).containsExactly(supports);
        assertThat(atRisk(w.billingAgent, 0.25)).extracting(AtRiskTicket::ticketId).containsExactly(billings);
        assertThat(atRisk(w.manager, 0.25)).extracting(AtRiskTicket::ticketId)
                .containsExactlyInAnyOrder(supports, billings);
    }

    @Test
    void aDeskWithoutPendingTicketsHasNothingAtRisk() {
        assertThat(atRisk(w.manager, 1.0)).isEmpty();

        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(7));
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.RESOLVED, "fixed", null));

        assertThat(atRisk(w.manager, 1.0)).as("a resolved ticket is not pending").isEmpty();
    }

    private List<AtRiskTicket> atRisk(Actor actor, double share) {
        return w.tickets.atRisk(actor, new AtRiskQuery(w.clock.instant(), share, 10));
    }

    private static SubmitTicketCommand command(CustomerId customer, TicketPriority priority, String category,
                                               DepartmentId queue) {
        return new SubmitTicketCommand(customer, "Printer on fire", "It smokes.", category, priority,
                TicketChannel.WEB, null, null, null, queue);
    }
}
