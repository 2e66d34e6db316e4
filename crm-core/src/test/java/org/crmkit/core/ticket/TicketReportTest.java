package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.internal.domain.Percentiles;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.SupportReport;
import org.crmkit.core.ticket.port.in.SupportReportQuery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The support report over one working week (Monday 2 to Saturday 7 March 2026) on the standard calendar
 * (Monday to Friday 09:00 to 17:00 UTC; NORMAL: first response 8h, resolution 24h):
 * <ul>
 *   <li>T1 (hardware): submitted Monday 09:00, answered 10:00 (1h), resolved 13:00 (4h), agent A's;</li>
 *   <li>T2 (hardware): submitted Monday 09:00, answered 11:00 (2h) and waiting on the customer until Tuesday 09:00,
 *       resolved Tuesday 11:00 (4h: the wait does not count), agent B's;</li>
 *   <li>T3 (billing): submitted Monday 10:00, never answered: first response missed Tuesday 10:00, resolution missed
 *       Thursday 10:00;</li>
 *   <li>T4 (no category): submitted Friday 15:00, picked up by agent A, nothing decided yet.</li>
 * </ul>
 */
class TicketReportTest {
    private static final Instant MONDAY = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant SATURDAY = Instant.parse("2026-03-07T00:00:00Z");
    private TicketWorld w;

    @BeforeEach
    void setUp() {
        w = TicketWorld.inMemory();
        TicketId t1 = w.submit(w.aliceActor, w.alice.id()).id();
        TicketId t2 = w.submit(w.bobActor, w.bob.id()).id();
        w.tickets.pickUp(w.agentA, new PickUpTicketCommand(t1, null));
        w.tickets.pickUp(w.agentB, new PickUpTicketCommand(t2, null));
        at("2026-03-02T10:00:00Z");
        w.tickets.comment(w.agentA, new CommentTicketCommand(t1, false, "Try this"));
        SubmitTicketCommand c = w.ticketFor(w.alice.id());
        w.tickets.submit(w.aliceActor, new SubmitTicketCommand(c.customerId(), "Invoice", "Wrong", "billing",
                c.priority(), c.channel(), null, null, null, null));
        at("2026-03-02T11:00:00Z");
        w.tickets.comment(w.agentB, new CommentTicketCommand(t2, false, "Which model?"));
        w.tickets.changeStatus(w.agentB, new ChangeTicketStatusCommand(t2, TicketStatus.WAITING_ON_CUSTOMER, null,
                null));
        at("2026-03-02T13:00:00Z");
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(t1, TicketStatus.RESOLVED, null, null));
        at("2026-03-03T09:00:00Z");
        w.tickets.comment(w.bobActor, new CommentTicketCommand(t2, false, "The X1"));
        at("2026-03-03T11:00:00Z");
        w.tickets.changeStatus(w.agentB, new ChangeTicketStatusCommand(t2, TicketStatus.RESOLVED, null, null));
        at("2026-03-06T15:00:00Z");
        TicketId t4 = w.tickets.submit(w.aliceActor, new SubmitTicketCommand(c.customerId(), "Lamp", "Flickers",
                null, c.priority(), c.channel(), null, null, null, w.support)).id();
        w.tickets.pickUp(w.agentA, new PickUpTicketCommand(t4, null));
        at("2026-03-07T12:00:00Z");
    }

    private void at(String instant) {
        w.clock.advance(Duration.between(w.clock.instant(), Instant.parse(instant)));
    }

    @Test
    void theWeekInFigures() {
        SupportReport r = w.tickets.report(w.manager, new SupportReportQuery(MONDAY, SATURDAY));

        assertThat(r.opened()).isEqualTo(4);
        assertThat(r.resolved()).isEqualTo(2);
        assertThat(r.backlog()).isEqualTo(2);
        assertThat(r.firstResponse()).isEqualTo(new SupportReport.Timing(2, Duration.ofHours(1),
                Duration.ofHours(2)));
        assertThat(r.resolution()).isEqualTo(new SupportReport.Timing(2, Duration.ofHours(4), Duration.ofHours(4)));
        assertThat(r.compliance()).isEqualTo(new SupportReport.Compliance(6, 4, new BigDecimal("66.7")));
        assertThat(r.agents()).containsExactlyInAnyOrder(
                new SupportReport.AgentWorkload(TicketWorld.idOf(w.agentA), 1, 1),
                new SupportReport.AgentWorkload(TicketWorld.idOf(w.agentB), 0, 1));
        assertThat(r.categories()).containsExactly(new SupportReport.CategoryCount(null, 1),
                new SupportReport.CategoryCount("billing", 1), new SupportReport.CategoryCount("hardware", 2));
    }

    @Test
    void aPeriodSeesOnlyWhatHappenedInIt() {
        SupportReport monday = w.tickets.report(w.manager, new SupportReportQuery(MONDAY,
                Instant.parse("2026-03-03T00:00:00Z")));

        assertThat(monday.opened()).isEqualTo(3);
        assertThat(monday.resolved()).isEqualTo(1);
        assertThat(monday.backlog()).as("T2 waiting and T3 open at midnight").isEqualTo(2);
        assertThat(monday.compliance()).as("T1's two targets and T2's first response")
                .isEqualTo(new SupportReport.Compliance(3, 3, new BigDecimal("100.0")));
        assertThat(w.tickets.report(w.manager, new SupportReportQuery(Instant.parse("2026-03-09T00:00:00Z"),
                Instant.parse("2026-03-10T00:00:00Z"))).compliance().percent()).isNull();
    }

    @Test
    void nearestRankPercentiles() {
        List<Duration> values = List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(3),
                Duration.ofMinutes(4), Duration.ofMinutes(5), Duration.ofMinutes(6), Duration.ofMinutes(7),
                Duration.ofMinutes(8), Duration.ofMinutes(9), Duration.ofMinutes(10), Duration.ofMinutes(11));
        // n = 11: the median is the 6th value, the 90th percentile the 10th (ceil(9.9))
        assertThat(Percentiles.nearestRank(values, 50)).isEqualTo(Duration.ofMinutes(6));
        assertThat(Percentiles.nearestRank(values, 90)).isEqualTo(Duration.ofMinutes(10));
        assertThat(Percentiles.nearestRank(List.of(Duration.ofMinutes(3)), 90)).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        Refusals refusals = new Refusals(w.crm, w.publisher, w::storedTickets);
        InvalidCommandException e = refusals.withoutEffect(InvalidCommandException.class, () -> w.tickets.report(
                w.manager, new SupportReportQuery(SATURDAY, MONDAY)));
        assertThat(e.fields()).containsExactly("from");
    }

    @Test
    void anAgentCannotReadTheReport() {
        Refusals refusals = new Refusals(w.crm, w.publisher, w::storedTickets);
        refusals.deniedAndAuditedOnce(() -> w.tickets.report(w.agentA, new SupportReportQuery(MONDAY, SATURDAY)));
    }
}
