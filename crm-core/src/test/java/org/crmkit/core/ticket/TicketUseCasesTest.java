package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.AssignTicketCommand;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.AtRiskTicket;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.EscalateTicketCommand;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.ReopenTicketCommand;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tickets through their use cases on the in-memory adapter, on the standard SLA (Monday to Friday 09:00 to 17:00
 * UTC; NORMAL: first response 8h, resolution 24h; URGENT 1h / 4h). The world starts on a Monday at 09:00.
 */
class TicketUseCasesTest {
    private final List<String> notified = Collections.synchronizedList(new ArrayList<>());
    /** How many calls the recording notifier still refuses (throwing with personal data in the message). */
    private int refusing;
    private final SlaBreachNotifier recording = (ticket, target, due) -> {
        if (refusing > 0) {
            refusing--;
            throw new IllegalStateException("could not mail alice@example.org about " + ticket);
        }
        notified.add(ticket + " " + target);
    };
    private TicketWorld w;

    @BeforeEach
    void setUp() {
        w = new TicketWorld(null, TicketWorld.MONDAY_9, (t, target, due) -> recording.breached(t, target, due));
    }

    @Test
    void aCustomerSubmitsAndTheTargetsAreDueInBusinessTime() {
        TicketView t = w.submit(w.aliceActor, w.alice.id());

        assertThat(t.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(t.customerId()).isEqualTo(w.alice.id());
        assertThat(t.departmentId()).isEqualTo(w.support);
        assertThat(t.firstResponseDueAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));
        assertThat(t.resolutionDueAt()).as("24 business hours: three working days")
                .isEqualTo(Instant.parse("2026-03-04T17:00:00Z"));
        assertThat(t.history()).singleElement().satisfies(h -> {
            assertThat(h.kind()).isEqualTo(HistoryKind.STATUS);
            assertThat(h.to()).isEqualTo("OPEN");
        });
        assertThat(w.publisher.events()).singleElement().isInstanceOf(TicketEvents.TicketSubmitted.class);
        assertThat(audited("ticket.submit")).hasSize(1);
    }

    @Test
    void aPurchaseAndAProductTheCustomerBoughtMayBeLinked() {
        TicketView t = w.tickets.submit(w.agentA, new SubmitTicketCommand(w.alice.id(), "Mug cracked", "Cracked.",
                null, TicketPriority.HIGH, org.crmkit.core.ticket.TicketChannel.PHONE,
                w.alicesPurchase.id(), w.mug.id(), null, null));

        assertThat(t.purchaseId()).isEqualTo(w.alicesPurchase.id());
        assertThat(t.productId()).isEqualTo(w.mug.id());
        assertThat(w.tickets.submit(w.aliceActor, new SubmitTicketCommand(w.alice.id(), "Mug again", "Again.",
                null, TicketPriority.LOW, org.crmkit.core.ticket.TicketChannel.WEB, null, w.mug.id(), null,
                null)).productId()).isEqualTo(w.mug.id());
    }

    @Test
    void theClockPausesWhileTheTicketWaitsOnTheCustomerAndResumesWhenTheyAnswer() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.tickets.pickUp(w.agentA, new PickUpTicketCommand(id, null));
        w.clock.advance(Duration.ofHours(1));
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.IN_PROGRESS, null, null));
        w.clock.advance(Duration.ofHours(1)); // 11:00: two business hours run
        TicketView waiting = w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id,
                TicketStatus.WAITING_ON_CUSTOMER, "need the serial number", null));
        assertThat(waiting.firstResponseDueAt()).as("not due while waiting").isNull();
        assertThat(waiting.resolutionDueAt()).isNull();

        w.clock.advance(Duration.ofHours(3)); // 14:00
        TicketView answered = w.tickets.comment(w.aliceActor, new CommentTicketCommand(id, false, "SN-1234"));

        assertThat(answered.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        // six hours left at 14:00: three on Monday, three on Tuesday morning
        assertThat(answered.firstResponseDueAt()).isEqualTo(Instant.parse("2026-03-03T12:00:00Z"));
        assertThat(answered.resolutionDueAt()).isEqualTo(Instant.parse("2026-03-05T12:00:00Z"));
    }

    @Test
    void theFirstPublicStaffCommentIsTheFirstResponseAndTheCustomerNeverSeesInternalComments() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofMinutes(30));
        TicketView internal = w.tickets.comment(w.agentA, new CommentTicketCommand(id, true, "VIP, be nice"));
        assertThat(internal.firstRespondedAt()).as("an internal comment is no response").isNull();
        w.clock.advance(Duration.ofMinutes(30));
        TicketView answered = w.tickets.comment(w.agentA, new CommentTicketCommand(id, false, "On it"));

        assertThat(answered.firstRespondedAt()).isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(answered.comments()).hasSize(2);
        TicketView seenByAlice = w.tickets.findById(w.aliceActor, id).orElseThrow();
        assertThat(seenByAlice.comments()).singleElement().satisfies(c -> {
            assertThat(c.body()).isEqualTo("On it");
            assertThat(c.internal()).isFalse();
        });
        assertThat(w.tickets.search(w.aliceActor, TicketSearchQuery.all(10)).items())
                .singleElement().satisfies(v -> assertThat(v.comments()).noneMatch(c -> c.internal()));
        assertThat(w.publisher.events()).filteredOn(e -> e instanceof TicketEvents.TicketCommented).hasSize(2);
    }

    @Test
    void aCustomerReopensWithinTheWindowAndTheResolvedTimeDoesNotCount() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(2));
        TicketView resolved = w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id,
                TicketStatus.RESOLVED, "replaced", null));
        assertThat(resolved.resolvedAt()).isEqualTo(Instant.parse("2026-03-02T11:00:00Z"));
        assertThat(resolved.firstRespondedAt()).as("a resolution answers too").isEqualTo(resolved.resolvedAt());
        w.clock.advance(Duration.ofDays(1)); // Tuesday 11:00

        TicketView reopened = w.tickets.reopen(w.aliceActor, new ReopenTicketCommand(id, "still smoking"));

        assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(reopened.resolvedAt()).isNull();
        // 22 business hours left from Tuesday 11:00: 6 + 8 + 8 -> Thursday 17:00
        assertThat(reopened.resolutionDueAt()).isEqualTo(Instant.parse("2026-03-05T17:00:00Z"));
    }

    @Test
    void aClosedTicketIsFollowedUpByANewOneReferringToIt() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.RESOLVED, null, null));
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.CLOSED, null, null));
        SubmitTicketCommand c = w.ticketFor(w.alice.id());

        TicketView followUp = w.tickets.submit(w.aliceActor, new SubmitTicketCommand(c.customerId(), c.subject(),
                c.description(), c.category(), c.priority(), c.channel(), null, null, id, null));

        assertThat(followUp.relatedTicketId()).isEqualTo(id);
    }

    @Test
    void assignmentEscalationAndTheirHistory() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.tickets.assign(w.manager, new AssignTicketCommand(id, TicketWorld.idOf(w.billingAgent), null, "billing",
                null));
        w.clock.advance(Duration.ofMinutes(10));

        TicketView escalated = w.tickets.escalate(w.manager, new EscalateTicketCommand(id,
                TicketPriority.URGENT, "customer cannot work", TicketWorld.idOf(w.agentB), w.support));

        assertThat(escalated.priority()).isEqualTo(TicketPriority.URGENT);
        assertThat(escalated.assignee()).isEqualTo(TicketWorld.idOf(w.agentB));
        assertThat(escalated.departmentId()).isEqualTo(w.support);
        assertThat(escalated.firstResponseDueAt()).as("URGENT: 1h from the submission")
                .isEqualTo(Instant.parse("2026-03-02T10:00:00Z"));
        assertThat(escalated.history()).extracting(h -> h.kind() + ":" + h.to() + ":" + h.reason())
                .containsExactly("STATUS:OPEN:null",
                        "ASSIGNMENT:staff:" + TicketWorld.idOf(w.billingAgent) + " department:" + w.billing
                                + ":billing",
                        "PRIORITY:URGENT:customer cannot work",
                        "ASSIGNMENT:staff:" + TicketWorld.idOf(w.agentB) + " department:" + w.support
                                + ":customer cannot work");
        assertThat(w.tickets.findById(w.aliceActor, id).orElseThrow().history()).as("the customer's view")
                .extracting(h -> h.kind()).containsOnly(HistoryKind.STATUS);
        assertThat(w.publisher.events()).extracting(e -> e.getClass().getSimpleName()).containsExactly(
                "TicketSubmitted", "TicketAssigned", "TicketEscalated", "TicketAssigned");
    }

    @Test
    void anEscalationNamingOnlyAQueueKeepsTheAssigneeAndOnlyAnAssigneeKeepsTheQueue() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.tickets.assign(w.manager, new AssignTicketCommand(id, TicketWorld.idOf(w.agentA), null, null, null));

        TicketView toBilling = w.tickets.escalate(w.manager, new EscalateTicketCommand(id, TicketPriority.HIGH,
                "billing must look", null, w.billing));
        assertThat(toBilling.assignee()).isEqualTo(TicketWorld.idOf(w.agentA));
        assertThat(toBilling.departmentId()).isEqualTo(w.billing);

        TicketView toB = w.tickets.escalate(w.manager, new EscalateTicketCommand(id, TicketPriority.URGENT,
                "agent B knows", TicketWorld.idOf(w.agentB), null));
        assertThat(toB.assignee()).isEqualTo(TicketWorld.idOf(w.agentB));
        assertThat(toB.departmentId()).as("the queue is kept, not the new agent's department").isEqualTo(w.billing);
    }

    @Test
    void anAgentEscalatesThePriorityWithoutHandingTheTicketOn() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();

        TicketView escalated = w.tickets.escalate(w.agentA, new EscalateTicketCommand(id, TicketPriority.HIGH,
                "customer cannot work", null, null));

        assertThat(escalated.priority()).isEqualTo(TicketPriority.HIGH);
        assertThat(escalated.departmentId()).isEqualTo(w.support);
    }

    @Test
    void aSystemCommentIsNotTheFirstResponse() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofMinutes(1));

        TicketView acknowledged = w.tickets.comment(TicketWorld.SYSTEM, new CommentTicketCommand(id, false,
                "We received your ticket."));
        assertThat(acknowledged.firstRespondedAt()).isNull();
        assertThat(acknowledged.firstResponseDueAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z"));

        w.clock.advance(Duration.ofMinutes(1));
        TicketView answered = w.tickets.comment(w.agentA, new CommentTicketCommand(id, false, "On it."));
        assertThat(answered.firstRespondedAt()).isEqualTo(w.clock.instant());
    }

    @Test
    void aSelfServiceTicketGoesToTheDefaultQueueWhereItsAgentsPickItUp() {
        org.crmkit.core.ticket.port.in.Tickets desk = org.crmkit.core.Crm.builder().clock(w.clock)
                .persistence(w.store)
                .supportSla(org.crmkit.core.ticket.SupportSla.standard().withDefaultQueue(w.billing))
                .build().tickets();
        SubmitTicketCommand c = w.ticketFor(w.alice.id());
        SubmitTicketCommand selfService = new SubmitTicketCommand(c.customerId(), c.subject(), c.description(),
                c.category(), c.priority(), c.channel(), null, null, null, null);

        TicketView t = desk.submit(w.aliceActor, selfService);

        assertThat(t.departmentId()).isEqualTo(w.billing);
        assertThat(ids(desk.search(w.billingAgent, TicketSearchQuery.all(10)).items())).containsExactly(t.id());
        assertThat(desk.pickUp(w.billingAgent, new PickUpTicketCommand(t.id(), null)).assignee())
                .isEqualTo(TicketWorld.idOf(w.billingAgent));
        assertThat(w.tickets.submit(w.aliceActor, selfService).departmentId()).as("no default queue configured")
                .isNull();

        org.crmkit.core.ticket.port.in.Tickets misconfigured = org.crmkit.core.Crm.builder().clock(w.clock)
                .persistence(w.store).supportSla(org.crmkit.core.ticket.SupportSla.standard()
                        .withDefaultQueue(new org.crmkit.core.shared.DepartmentId(
                                org.crmkit.core.shared.UuidV7.next(w.clock)))).build().tickets();
        assertThat(misconfigured.submit(w.aliceActor, selfService).departmentId())
                .as("a default queue that is no active department").isNull();
    }

    @Test
    void aSearchWithoutStatusesMatchesEveryStatus() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();

        assertThat(ids(w.tickets.search(w.manager, new TicketSearchQuery(null, null, null, null, null, null, null,
                null, null, null, PageRequest.first(10))).items())).containsExactly(id);
    }

    @Test
    void searchIsNarrowedToTheCallersTicketsAndFilters() {
        TicketId alices = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofMinutes(1));
        TicketId bobs = w.submit(w.bobActor, w.bob.id()).id();
        w.clock.advance(Duration.ofMinutes(1));
        SubmitTicketCommand c = w.ticketFor(w.bob.id());
        TicketId billings = w.tickets.submit(w.manager, new SubmitTicketCommand(c.customerId(), "Invoice wrong",
                c.description(), "billing", TicketPriority.LOW, c.channel(), null, null, null, w.billing)).id();

        assertThat(ids(w.tickets.search(w.aliceActor, TicketSearchQuery.all(10)).items())).containsExactly(alices);
        assertThat(ids(w.tickets.search(w.agentA, TicketSearchQuery.all(10)).items()))
                .containsExactly(bobs, alices);
        assertThat(ids(w.tickets.search(w.billingAgent, TicketSearchQuery.all(10)).items()))
                .containsExactly(billings);
        assertThat(ids(w.tickets.search(w.manager, TicketSearchQuery.all(10)).items()))
                .containsExactly(billings, bobs, alices);
        assertThat(ids(w.tickets.search(w.manager, new TicketSearchQuery(Set.of(TicketStatus.OPEN),
                TicketPriority.LOW, null, null, null, "billing", null, null, null, "INVOICE",
                PageRequest.first(10))).items())).containsExactly(billings);
    }

    @Test
    void keysetPagesWalkEveryTicketOnce() {
        List<TicketId> submitted = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            submitted.add(0, w.submit(w.aliceActor, w.alice.id()).id());
            w.clock.advance(Duration.ofSeconds(1));
        }
        List<TicketId> seen = new ArrayList<>();
        TicketSearchQuery query = TicketSearchQuery.all(2);
        while (true) {
            var page = w.tickets.search(w.manager, query);
            seen.addAll(ids(page.items()));
            if (page.nextCursor().isEmpty()) {
                break;
            }
            query = query.next(page);
        }
        assertThat(seen).containsExactlyElementsOf(submitted);
    }

    @Test
    void breachedAndAtRiskAsOfAnInstant() {
        TicketId early = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(4)); // 13:00
        TicketId late = w.submit(w.bobActor, w.bob.id()).id();
        w.clock.advance(Duration.ofHours(3)); // 16:00: early's first response is due at 17:00, late's Tuesday 13:00

        List<AtRiskTicket> risky = w.tickets.atRisk(w.manager, new AtRiskQuery(w.clock.instant(), 0.25, 10));
        assertThat(risky).singleElement().satisfies(r -> {
            assertThat(r.ticketId()).isEqualTo(early);
            assertThat(r.target()).isEqualTo(SlaTarget.FIRST_RESPONSE);
            assertThat(r.remaining()).isEqualTo(Duration.ofHours(1));
            assertThat(r.shareLeft()).isEqualTo(0.125);
        });
        Instant tuesday = Instant.parse("2026-03-03T10:00:00Z");
        assertThat(ids(w.tickets.search(w.manager, TicketSearchQuery.breached(tuesday, 10)).items()))
                .containsExactly(early);
        assertThat(ids(w.tickets.search(w.manager, TicketSearchQuery.breached(w.clock.instant(), 10)).items()))
                .isEmpty();
        Instant lateDue = Instant.parse("2026-03-03T13:00:00Z");
        assertThat(ids(w.tickets.search(w.manager, TicketSearchQuery.breached(lateDue, 10)).items()))
                .as("due exactly at the instant: not missed yet").containsExactly(early);
        assertThat(ids(w.tickets.search(w.manager, TicketSearchQuery.breached(lateDue.plusSeconds(1), 10))
                .items())).containsExactly(late, early);
    }

    @Test
    void checkSlaNotifiesEachBreachOnceAndRetriesWhatTheNotifierRefused() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofDays(1)); // Tuesday 09:00: the first response is late
        notified.clear();
        w.publisher.clear();
        refusing = 1;

        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(0, 1));
        assertThat(notified).isEmpty();
        assertThat(w.publisher.events()).isEmpty();
        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).as("the refused breach again")
                .isEqualTo(new SlaCheckResult(1, 0));
        assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(new SlaCheckResult(0, 0));
        assertThat(notified).containsExactly(id + " FIRST_RESPONSE");
        assertThat(w.publisher.events()).singleElement().isInstanceOfSatisfying(TicketEvents.SlaBreached.class,
                e -> assertThat(e.dueAt()).isEqualTo(Instant.parse("2026-03-02T17:00:00Z")));
        assertThat(audited("ticket.sla_breach")).as("each claim is audited").hasSize(2);
    }

    @Test
    void aFailingNotifierIsLoggedWithoutItsMessage() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofDays(1));
        refusing = 1;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            assertThat(w.tickets.checkSla(TicketWorld.SYSTEM, w.clock.instant())).isEqualTo(
                    new SlaCheckResult(0, 1));
        } finally {
            System.setErr(err);
        }
        String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(log).contains(id.toString(), "FIRST_RESPONSE", IllegalStateException.class.getName())
                .doesNotContain("alice@example.org").doesNotContain("\tat ");
    }

    @Test
    void aNotifierThatThrowsLeavesTheBreachForTheNextRun() {
        List<String> delivered = new ArrayList<>();
        boolean[] fail = {true};
        TicketWorld flaky = new TicketWorld(null, TicketWorld.MONDAY_9, (t, target, due) -> {
            if (fail[0]) {
                throw new IllegalStateException("mail server down");
            }
            delivered.add(t + " " + target);
        });
        TicketId id = flaky.submit(flaky.aliceActor, flaky.alice.id()).id();
        flaky.clock.advance(Duration.ofDays(1));

        assertThat(flaky.tickets.checkSla(TicketWorld.SYSTEM, flaky.clock.instant()))
                .isEqualTo(new SlaCheckResult(0, 1));
        fail[0] = false;
        assertThat(flaky.tickets.checkSla(TicketWorld.SYSTEM, flaky.clock.instant()))
                .isEqualTo(new SlaCheckResult(1, 0));
        assertThat(delivered).containsExactly(id + " FIRST_RESPONSE");
        List<DomainEvent> events = flaky.publisher.events();
        assertThat(events).filteredOn(e -> e instanceof TicketEvents.SlaBreached).hasSize(1);
    }

    @Test
    void aCustomersErasureErasesTheirTicketsTexts() {
        TicketId id = w.submit(w.aliceActor, w.alice.id()).id();
        w.tickets.comment(w.agentA, new CommentTicketCommand(id, true, "Alice is at 1 Main St"));
        w.tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(id, TicketStatus.RESOLVED,
                "sent a new printer to 1 Main St", null));
        w.tickets.reopen(w.aliceActor, new ReopenTicketCommand(id, "still broken, call me on 555-0100"));
        TicketId bobs = w.submit(w.bobActor, w.bob.id()).id();

        w.crm.customers().erase(TicketWorld.SYSTEM, w.alice.id());

        TicketView erased = w.tickets.findById(w.manager, id).orElseThrow();
        assertThat(erased.subject()).isEqualTo(org.crmkit.core.ticket.internal.domain.Ticket.ERASED);
        assertThat(erased.description()).isEqualTo(org.crmkit.core.ticket.internal.domain.Ticket.ERASED);
        assertThat(erased.comments()).singleElement().satisfies(c -> assertThat(c.body())
                .isEqualTo(org.crmkit.core.ticket.internal.domain.Ticket.ERASED));
        assertThat(erased.history()).extracting(h -> h.reason()).containsExactly(null,
                org.crmkit.core.ticket.internal.domain.Ticket.ERASED, org.crmkit.core.ticket.internal.domain.Ticket.ERASED);
        assertThat(erased.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(w.tickets.findById(w.manager, bobs).orElseThrow().subject()).isEqualTo("Printer on fire");
    }

    private List<AuditEntry> audited(String action) {
        return w.store.unitOfWork().inTransaction(() -> w.store.auditLog().search(
                new AuditCriteria(null, null, action, null, null, null, null, null, null), 100));
    }

    private static List<TicketId> ids(List<TicketView> views) {
        return views.stream().map(TicketView::id).toList();
    }
}
