package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.internal.domain.TicketDraft;
import org.junit.jupiter.api.Test;

/**
 * A host clock set back (or two hosts with skewed clocks) must not break a ticket: its history, which the SLA clocks
 * replay, stays in order, each change taking the last entry's instant when the caller's is earlier.
 */
class TicketClockSkewTest {
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Clock IDS = Clock.fixed(T0, ZoneOffset.UTC);
    private static final SupportSla SLA = SupportSla.standard();

    @Test
    void changesAtAnEarlierInstantThanTheLastEntryKeepTheHistoryInOrder() {
        Actor agent = Actor.staff(StaffId.next(IDS), Set.of());
        Ticket t = Ticket.submit(TicketId.next(IDS), new TicketDraft(CustomerId.next(IDS), "s", "d", null,
                TicketPriority.NORMAL, TicketChannel.WEB, null, null, null), null, SLA, agent, T0);
        t.changeStatus(TicketStatus.WAITING_ON_CUSTOMER, null, SLA, agent, T0.plusSeconds(600));

        t.changeStatus(TicketStatus.IN_PROGRESS, null, SLA, agent, T0.plusSeconds(300)); // a clock set back
        t.assign(null, new DepartmentId(org.crmkit.core.shared.UuidV7.next(IDS)), null, agent, T0.plusSeconds(1));
        t.escalate(TicketPriority.HIGH, "urgent", SLA, agent, T0);
        t.changeStatus(TicketStatus.RESOLVED, null, SLA, agent, T0.plusSeconds(200));

        assertThat(t.snapshot().history()).extracting(HistoryEntry::at).isSorted().last()
                .isEqualTo(T0.plusSeconds(600));
        assertThat(t.metAt(org.crmkit.core.ticket.SlaTarget.RESOLUTION)).isEqualTo(T0.plusSeconds(600));
        assertThat(t.status()).isEqualTo(TicketStatus.RESOLVED);
    }
}
