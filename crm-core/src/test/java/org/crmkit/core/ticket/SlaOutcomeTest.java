package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.junit.jupiter.api.Test;

/**
 * What a ticket's SLA figures say after it was answered or resolved, through the use cases on the in-memory adapter,
 * on the standard SLA (Monday to Friday 09:00 to 17:00 UTC; NORMAL: first response 8h, resolution 24h). The world
 * starts on Monday 2 March 2026 at 09:00.
 */
class SlaOutcomeTest {
    private final TicketWorld w = TicketWorld.inMemory();

    @Test
    void aTicketAnsweredInTimeIsNotBreachedAndOneAnsweredLateIs() {
        TicketId inTime = w.submit(w.aliceActor, w.alice.id()).id();
        TicketId late = w.submit(w.bobActor, w.bob.id()).id();
        w.clock.advance(Duration.ofHours(1));
        w.tickets.comment(w.agentA, new CommentTicketCommand(inTime, false, "On it"));
        w.clock.advance(Duration.ofDays(1)); // Tuesday 10:00: the first response was due on Monday at 17:00
        w.tickets.comment(w.agentA, new CommentTicketCommand(late, false, "Sorry for the wait"));
        w.clock.advance(Duration.ofHours(1));

        assertThat(w.tickets.search(w.manager, TicketSearchQuery.breached(w.clock.instant(), 10)).items())
                .extracting(TicketView::id).containsExactly(late);
    }

    @Test
    void aTicketResolvedWhileWaitingOnTheCustomerAndReopenedCountsNeitherTheWaitNorTheResolvedTime() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(2)); // 11:00: two business hours have run
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.WAITING_ON_CUSTOMER,
                "need the serial number", null));
        w.clock.advance(Duration.ofHours(2));
        TicketView resolved = w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id,
                TicketStatus.RESOLVED, "found it ourselves", null));
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-03-02T13:00:00Z"));
        w.clock.advance(Duration.ofHours(20)); // Tuesday 09:00

        TicketView reopened = w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id,
                TicketStatus.IN_PROGRESS, "it broke again", null));

        // 22 of the 24 hours are left from Tuesday 09:00: Tuesday, Wednesday, and six hours on Thursday
        assertThat(reopened.resolutionDueAt()).isEqualTo(Instant.parse("2026-03-05T15:00:00Z"));
        assertThat(reopened.resolvedAt()).isNull();
    }
}
