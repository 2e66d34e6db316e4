package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.port.in.AssignTicketCommand;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.ChangeTicketStatusCommand;
import org.crmkit.core.ticket.port.in.CommentTicketCommand;
import org.crmkit.core.ticket.port.in.EscalateTicketCommand;
import org.crmkit.core.ticket.port.in.PickUpTicketCommand;
import org.crmkit.core.ticket.port.in.ReopenTicketCommand;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.ticket.port.in.SupportReportQuery;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.Tickets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the ticket use cases: each call is refused with the documented exception naming the field or the
 * rule, and leaves every ticket (with its comments, history and breach marks), the audit trail and the event stream
 * as they were. A refusal by the access policy writes one DENIED audit entry by design, and nothing else.
 */
class TicketBadInputTest {
    private TicketWorld w;
    private Tickets tickets;
    private Refusals refusals;
    /** Alice's open ticket in the support queue, assigned to agent A. */
    private TicketId open;
    /** Alice's ticket resolved on Monday at 10:00. */
    private TicketId resolved;
    /** Alice's closed ticket. */
    private TicketId closed;

    @BeforeEach
    void setUp() {
        w = TicketWorld.inMemory();
        tickets = w.tickets;
        open = w.submit(w.aliceActor, w.alice.id()).id();
        tickets.pickUp(w.agentA, new PickUpTicketCommand(open, null));
        resolved = w.submit(w.aliceActor, w.alice.id()).id();
        closed = w.submit(w.aliceActor, w.alice.id()).id();
        w.clock.advance(Duration.ofHours(1));
        tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(resolved, TicketStatus.RESOLVED, null, null));
        tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(closed, TicketStatus.RESOLVED, null, null));
        tickets.changeStatus(w.agentA, new ChangeTicketStatusCommand(closed, TicketStatus.CLOSED, null, null));
        w.clock.advance(Duration.ofMinutes(5));
        refusals = new Refusals(w.crm, w.publisher, w::storedTickets);
    }

    private <T extends CrmException> T refused(Class<T> type, ThrowingCallable call) {
        return refusals.withoutEffect(type, call);
    }

    private void refusedNaming(String field, ThrowingCallable call) {
        InvalidCommandException e = refused(InvalidCommandException.class, call);
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly(field);
    }

    private void refusedByRule(String rule, String field, ThrowingCallable call) {
        BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, call);
        assertThat(e.code()).isEqualTo(rule);
        assertThat(e.details()).containsEntry("field", field);
    }

    private SubmitTicketCommand submission(String subject, String description, TicketPriority priority) {
        return new SubmitTicketCommand(w.alice.id(), subject, description, null, priority, TicketChannel.WEB, null,
                null, null, null);
    }

    // ---- submit -----------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "\t\n"})
    void aBlankSubjectIsRefused(String subject) {
        refusedNaming("subject", () -> tickets.submit(w.aliceActor, submission(subject, "d", TicketPriority.LOW)));
    }

    @Test
    void aSubjectOverTwoHundredCharactersIsRefused() {
        refusedNaming("subject", () -> tickets.submit(w.aliceActor, submission("x".repeat(201), "d",
                TicketPriority.LOW)));
    }

    @Test
    void aBlankDescriptionIsRefused() {
        refusedNaming("description", () -> tickets.submit(w.aliceActor, submission("s", " ", TicketPriority.LOW)));
    }

    @Test
    void aMissingPriorityIsRefused() {
        refusedNaming("priority", () -> tickets.submit(w.aliceActor, submission("s", "d", null)));
    }

    @Test
    void aPurchaseOfAnotherCustomerIsRefused() {
        refusedNaming("purchaseId", () -> tickets.submit(w.bobActor, new SubmitTicketCommand(w.bob.id(), "s", "d",
                null, TicketPriority.LOW, TicketChannel.WEB, w.alicesPurchase.id(), null, null, null)));
    }

    @Test
    void aProductTheCustomerDidNotBuyIsRefused() {
        refusedNaming("productId", () -> tickets.submit(w.aliceActor, new SubmitTicketCommand(w.alice.id(), "s",
                "d", null, TicketPriority.LOW, TicketChannel.WEB, null, w.lamp.id(), null, null)));
    }

    @Test
    void aProductNotInTheLinkedPurchaseIsRefused() {
        refusedNaming("productId", () -> tickets.submit(w.aliceActor, new SubmitTicketCommand(w.alice.id(), "s",
                "d", null, TicketPriority.LOW, TicketChannel.WEB, w.alicesPurchase.id(), w.lamp.id(), null, null)));
    }

    @Test
    void aRelatedTicketThatIsNotClosedIsRefused() {
        refusedNaming("relatedTicketId", () -> tickets.submit(w.aliceActor, new SubmitTicketCommand(w.alice.id(),
                "s", "d", null, TicketPriority.LOW, TicketChannel.WEB, null, null, resolved, null)));
    }

    @Test
    void aRelatedTicketOfAnotherCustomerIsRefused() {
        refusedNaming("relatedTicketId", () -> tickets.submit(w.bobActor, new SubmitTicketCommand(w.bob.id(),
                "s", "d", null, TicketPriority.LOW, TicketChannel.WEB, null, null, closed, null)));
    }

    @Test
    void everyBadLinkOfASubmissionIsNamedAtOnce() {
        org.crmkit.core.shared.DepartmentId unknown = new org.crmkit.core.shared.DepartmentId(
                org.crmkit.core.shared.UuidV7.next(w.clock));
        InvalidCommandException e = refused(InvalidCommandException.class, () -> tickets.submit(w.bobActor,
                new SubmitTicketCommand(w.bob.id(), "s", "d", null, TicketPriority.LOW, TicketChannel.WEB,
                        w.alicesPurchase.id(), null, closed, unknown)));
        assertThat(e.fields()).containsExactlyInAnyOrder("purchaseId", "relatedTicketId", "departmentId");
    }

    @Test
    void aCustomerCannotSubmitForAnotherCustomer() {
        refusals.deniedAndAuditedOnce(() -> tickets.submit(w.bobActor, w.ticketFor(w.alice.id())));
    }

    // ---- status -----------------------------------------------------------------------------------------------

    @Test
    void anIllegalTransitionIsRefused() {
        refusedByRule("illegal_transition", "status", () -> tickets.changeStatus(w.agentA,
                new ChangeTicketStatusCommand(open, TicketStatus.CLOSED, null, null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(TicketStatus.class)
    void aClosedTicketMovesNowhere(TicketStatus to) {
        refusedByRule("ticket_closed", "ticketId", () -> tickets.changeStatus(w.manager,
                new ChangeTicketStatusCommand(closed, to, null, null)));
    }

    @Test
    void aStaleVersionIsRefused() {
        ConflictException e = refused(ConflictException.class, () -> tickets.changeStatus(w.agentA,
                new ChangeTicketStatusCommand(open, TicketStatus.IN_PROGRESS, null, 0L)));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void anUnknownTicketIsNotFound() {
        NotFoundException e = refused(NotFoundException.class, () -> tickets.changeStatus(w.manager,
                new ChangeTicketStatusCommand(TicketId.next(w.clock), TicketStatus.IN_PROGRESS, null, null)));
        assertThat(e.code()).isEqualTo("not_found");
    }

    @Test
    void reopeningAfterTheWindowIsRefused() {
        w.clock.advance(Duration.ofDays(8));
        refusedByRule("reopen_window_passed", "ticketId", () -> tickets.reopen(w.aliceActor,
                new ReopenTicketCommand(resolved, null)));
    }

    @Test
    void reopeningAClosedTicketIsRefused() {
        refusedByRule("ticket_closed", "ticketId", () -> tickets.reopen(w.aliceActor,
                new ReopenTicketCommand(closed, null)));
    }

    @Test
    void reopeningAnOpenTicketIsRefused() {
        refusedByRule("not_resolved", "status", () -> tickets.reopen(w.aliceActor,
                new ReopenTicketCommand(open, null)));
    }

    // ---- comments -----------------------------------------------------------------------------------------------

    @Test
    void anInternalCommentByACustomerIsRefused() {
        refusedNaming("internal", () -> tickets.comment(w.aliceActor, new CommentTicketCommand(open, true, "psst")));
    }

    /** Guards a fixed bug, where a customer's internal comment was refused only once the constraints passed. */
    @Test
    void aCustomersInternalCommentAndABlankBodyAreNamedTogether() {
        InvalidCommandException e = refused(InvalidCommandException.class,
                () -> tickets.comment(w.aliceActor, new CommentTicketCommand(open, true, " ")));
        assertThat(e.fields()).containsExactly("body", "internal");
    }

    @Test
    void aBlankCommentIsRefused() {
        refusedNaming("body", () -> tickets.comment(w.agentA, new CommentTicketCommand(open, false, " ")));
    }

    @Test
    void aCommentOnAClosedTicketIsRefused() {
        refusedByRule("ticket_closed", "ticketId", () -> tickets.comment(w.aliceActor,
                new CommentTicketCommand(closed, false, "hello?")));
    }

    @Test
    void aCustomerCannotCommentOnAnotherCustomersTicket() {
        refusals.deniedAndAuditedOnce(() -> tickets.comment(w.bobActor, new CommentTicketCommand(open, false, "hi")));
    }

    // ---- assignment -------------------------------------------------------------------------------------------

    @Test
    void anAgentCannotPickUpAnotherDepartmentsTicket() {
        TicketId queued = w.submit(w.aliceActor, w.alice.id()).id();
        w.publisher.clear();
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> tickets.pickUp(w.billingAgent,
                new PickUpTicketCommand(queued, null)));
        assertThat(e.code()).isEqualTo("access_denied");
    }

    @Test
    void pickingUpATicketAnotherAgentHasIsAConflict() {
        ConflictException e = refused(ConflictException.class, () -> tickets.pickUp(w.agentB,
                new PickUpTicketCommand(open, null)));
        assertThat(e.code()).isEqualTo("already_taken");
        assertThat(e.field()).isEqualTo("assignee");
    }

    @Test
    void anAssignmentNamingNeitherAgentNorDepartmentIsRefused() {
        refusedNaming("assignee", () -> tickets.assign(w.manager, new AssignTicketCommand(open, null, null, null,
                null)));
    }

    @Test
    void anAssignmentToAnUnknownStaffUserIsRefused() {
        refusedNaming("assignee", () -> tickets.assign(w.manager, new AssignTicketCommand(open,
                StaffId.next(w.clock), null, null, null)));
    }

    @Test
    void anAssignmentToAnUnknownStaffUserAndAnUnknownDepartmentNamesBoth() {
        InvalidCommandException e = refused(InvalidCommandException.class, () -> tickets.assign(w.manager,
                new AssignTicketCommand(open, StaffId.next(w.clock), new org.crmkit.core.shared.DepartmentId(
                        org.crmkit.core.shared.UuidV7.next(w.clock)), null, null)));
        assertThat(e.fields()).containsExactlyInAnyOrder("assignee", "departmentId");
    }

    @Test
    void anAgentCannotAssign() {
        refusals.deniedAndAuditedOnce(() -> tickets.assign(w.agentA, new AssignTicketCommand(open, null, w.billing,
                null, null)));
    }

    // ---- escalation -------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "  "})
    void anEscalationWithoutAReasonIsRefused(String reason) {
        refusedNaming("reason", () -> tickets.escalate(w.agentA, new EscalateTicketCommand(open,
                TicketPriority.URGENT, reason, null, null)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @EnumSource(value = TicketPriority.class, names = {"LOW", "NORMAL"})
    void anEscalationMustRaiseThePriority(TicketPriority to) {
        refusedByRule("escalation_must_raise", "priority", () -> tickets.escalate(w.agentA,
                new EscalateTicketCommand(open, to, "because", null, null)));
    }

    @Test
    void anEscalationToAnUnknownDepartmentIsRefused() {
        refusedNaming("departmentId", () -> tickets.escalate(w.manager, new EscalateTicketCommand(open,
                TicketPriority.HIGH, "because", null, new org.crmkit.core.shared.DepartmentId(
                        org.crmkit.core.shared.UuidV7.next(w.clock)))));
    }

    @Test
    void anAgentCannotHandATicketOnToAColleagueThroughAnEscalation() {
        refusals.deniedAndAuditedOnce(() -> tickets.escalate(w.agentA, new EscalateTicketCommand(open,
                TicketPriority.HIGH, "too hard for me", TicketWorld.idOf(w.agentB), null)));
    }

    @Test
    void anAgentCannotMoveATicketToAnotherQueueThroughAnEscalation() {
        refusals.deniedAndAuditedOnce(() -> tickets.escalate(w.agentA, new EscalateTicketCommand(open,
                TicketPriority.HIGH, "billing's problem", null, w.billing)));
    }

    // ---- time bounds ------------------------------------------------------------------------------------------

    @Test
    void aBreachedAsOfOutsideTheStoredYearsIsRefused() {
        refusedNaming("breachedAsOf", () -> tickets.search(w.manager, TicketSearchQuery.breached(Instant.MAX, 10)));
        refusedNaming("breachedAsOf", () -> tickets.search(w.manager, TicketSearchQuery.breached(
                Instant.parse("+10000-01-01T00:00:00Z"), 10)));
    }

    @Test
    void checkSlaAtAnInstantOutsideTheStoredYearsIsRefused() {
        refusedNaming("now", () -> tickets.checkSla(TicketWorld.SYSTEM, Instant.MAX));
        refusedNaming("now", () -> tickets.checkSla(TicketWorld.SYSTEM, Instant.parse("0999-12-31T23:59:59Z")));
    }

    /** Guards a fixed bug, where an at-risk scan at Instant.MIN escaped as java.time's DateTimeException. */
    @Test
    void anAtRiskInstantOutsideTheStoredYearsIsRefused() {
        refusedNaming("asOf", () -> tickets.atRisk(w.manager, new AtRiskQuery(Instant.MIN, 0.5, 10)));
        refusedNaming("asOf", () -> tickets.atRisk(w.manager, new AtRiskQuery(Instant.MAX, 0.5, 10)));
        refusedNaming("asOf", () -> tickets.atRisk(w.manager, new AtRiskQuery(
                Instant.parse("0999-12-31T23:59:59Z"), 0.5, 10)));
    }

    /**
     * Guards a fixed bug, where a breach run at an instant after the clock's now notified breaches that had not
     * happened (and, claimed once, would never be notified again when they did).
     */
    @Test
    void checkSlaInTheFutureIsRefusedAndNotifiesNothing() {
        java.util.List<String> notified = new java.util.ArrayList<>();
        TicketWorld watched = new TicketWorld(null, TicketWorld.MONDAY_9, (t, target, due) -> notified.add(t + ""));
        watched.submit(watched.aliceActor, watched.alice.id());
        Refusals watchedRefusals = new Refusals(watched.crm, watched.publisher, watched::storedTickets);
        for (Instant future : java.util.List.of(watched.clock.instant().plus(Duration.ofDays(14)),
                watched.clock.instant().plusNanos(1_000))) {
            InvalidCommandException e = watchedRefusals.withoutEffect(InvalidCommandException.class,
                    () -> watched.tickets.checkSla(TicketWorld.SYSTEM, future));
            assertThat(e.fields()).containsExactly("now");
        }
        assertThat(notified).as("no breach was notified").isEmpty();
        assertThat(watched.tickets.checkSla(TicketWorld.SYSTEM, watched.clock.instant()).notified())
                .as("the breach is not due yet, and nothing was claimed early").isZero();
        watched.clock.advance(Duration.ofDays(14));
        assertThat(watched.tickets.checkSla(TicketWorld.SYSTEM, watched.clock.instant()).notified())
                .as("once it happened, it is notified").isPositive();
        assertThat(notified).isNotEmpty();
    }

    /**
     * Guards a fixed bug, where the category a search filters on had no length limit: a 10 MB category went to the
     * database, which refused it (persistence_failure) instead of an invalid_command naming the field.
     */
    @Test
    void aSearchedCategoryOverTheColumnsSixtyFourCharactersIsRefused() {
        for (String category : java.util.List.of("c".repeat(65), "c".repeat(10 * 1024 * 1024))) {
            refusedNaming("category", () -> tickets.search(w.manager, new TicketSearchQuery(null, null, null, null,
                    null, category, null, null, null, null, org.crmkit.core.shared.PageRequest.first(10))));
        }
        assertThat(tickets.search(w.manager, new TicketSearchQuery(null, null, null, null, null, "c".repeat(64), null,
                null, null, null, org.crmkit.core.shared.PageRequest.first(10))).items()).isEmpty();
    }

    @Test
    void aReportPeriodOutsideTheStoredYearsIsRefused() {
        refusedNaming("to", () -> tickets.report(w.manager, new SupportReportQuery(w.clock.instant(),
                Instant.MAX)));
        refusedNaming("from", () -> tickets.report(w.manager, new SupportReportQuery(Instant.MIN,
                w.clock.instant())));
    }

    @Test
    void aNullStatusInTheSearchedStatusesIsRefused() {
        java.util.Set<TicketStatus> statuses = new java.util.HashSet<>();
        statuses.add(null);
        InvalidCommandException e = refused(InvalidCommandException.class, () -> tickets.search(w.manager,
                new TicketSearchQuery(statuses, null, null, null, null, null, null, null, null, null,
                        org.crmkit.core.shared.PageRequest.first(10))));
        assertThat(e.fields()).singleElement().satisfies(f -> assertThat(f).startsWith("statuses"));
    }

    // ---- SLA --------------------------------------------------------------------------------------------------

    @Test
    void checkSlaNeedsAnInstant() {
        refusedNaming("now", () -> tickets.checkSla(TicketWorld.SYSTEM, null));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(doubles = {0.0, -0.5, 1.5})
    void anAtRiskShareOutsideZeroToOneIsRefused(double share) {
        refusedNaming("share", () -> tickets.atRisk(w.manager, new AtRiskQuery(Instant.now(w.clock), share, 10)));
    }

    @Test
    void anAgentCannotRunCheckSla() {
        refusals.deniedAndAuditedOnce(() -> tickets.checkSla(w.agentA, w.clock.instant()));
    }

    @Test
    void anUnknownCustomerCannotAct() {
        Actor stranger = Actor.customer(org.crmkit.core.shared.CustomerId.next(w.clock));
        refusals.deniedAndAuditedOnce(() -> tickets.comment(stranger, new CommentTicketCommand(open, false, "hi")));
    }
}
