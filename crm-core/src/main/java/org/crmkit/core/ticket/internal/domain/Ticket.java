package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.TicketError;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.ticket.TicketComment;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketEvents;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;

// Over 300 lines: its public methods (life cycle and SLA reads, used by the adapters, the services and the tests)
// are API and stay here with their javadoc. The history and the SLA figures are kept by the package-private parts
// TicketHistory and TicketSla, so what remains is mostly the invariants of each change and the javadoc.
/**
 * A customer's support request. Life cycle: submitted {@link TicketStatus#OPEN}, then along the transitions of
 * {@link TicketStatus}; a customer may reopen a resolved ticket within the policy's window; a closed ticket is final.
 *
 * <p>Two SLA clocks run from the submission, both derived from the status history: the first-response clock stands
 * still while the ticket waits on the customer and stops at the first public staff comment (or the resolution); the
 * resolution clock stands still while the ticket waits on the customer or is resolved. After every change the
 * aggregate recomputes the due instant of each target not met yet ({@code null} while a clock stands short of its
 * target), so "breached as of t" is a plain query over stored columns. A target met keeps the due instant it had.
 */
public final class Ticket extends AggregateRoot {
    private final TicketId id;
    /** The text a customer's erasure leaves in place of a ticket's subject, description and comments. */
    public static final String ERASED = "[erased]";
    private TicketDraft draft;
    private final Instant createdAt;
    private final List<TicketComment> comments;
    private final TicketHistory history;
    private final TicketSla slaFigures;
    private TicketPriority priority;
    private TicketStatus status;
    private StaffId assignee;
    private DepartmentId department;
    private Instant updatedAt;

    private Ticket(TicketSnapshot s) {
        super("ticket", s.version());
        this.id = s.id();
        this.draft = new TicketDraft(s.customer(), s.subject(), s.description(), s.category(), s.priority(),
                s.channel(), s.purchase(), s.product(), s.relatedTicket());
        this.createdAt = s.createdAt();
        this.comments = new ArrayList<>(s.comments());
        this.history = new TicketHistory(s.history());
        this.slaFigures = new TicketSla(s, history);
        this.priority = s.priority();
        this.status = s.status();
        this.assignee = s.assignee();
        this.department = s.department();
        this.updatedAt = s.updatedAt();
    }

    /**
     * @param id       the new ticket's id
     * @param draft    what it is about
     * @param queue    the department queue it starts in, or {@code null}
     * @param sla      the policy its targets are copied from
     * @param by       who submits it
     * @param now      when
     * @return the open ticket, with its {@code TicketSubmitted} event
     */
    public static Ticket submit(TicketId id, TicketDraft draft, DepartmentId queue, SupportSla sla, Actor by,
                                Instant now) {
        Ticket t = new Ticket(new TicketSnapshot(id, 0, draft.customer(), draft.subject(), draft.description(),
                draft.category(), draft.priority(), draft.channel(), draft.purchase(), draft.product(),
                draft.relatedTicket(), TicketStatus.OPEN, null, queue, sla.targetsFor(draft.priority(),
                draft.category()), null, null, null, null, now, now, List.of(), List.of()));
        t.history.append(HistoryKind.STATUS, null, TicketStatus.OPEN.name(), by, null, now);
        t.slaFigures.refresh(sla.calendar());
        t.record(new TicketEvents.TicketSubmitted(id, draft.customer(), draft.priority(), now));
        return t;
    }

    /** @param s stored state @return the ticket */
    public static Ticket restore(TicketSnapshot s) {
        return new Ticket(s);
    }

    /**
     * Moves the ticket along a documented transition; from RESOLVED back to IN_PROGRESS is a reopening by staff (no
     * window applies).
     *
     * @param to     the next status
     * @param reason why, or {@code null}
     * @param sla    the policy (its calendar measures the clocks)
     * @param by     who
     * @param now    when
     * @throws BusinessRuleViolationException {@code ticket_closed} on a closed ticket, {@code illegal_transition}
     *                                        for a move the transitions do not document
     */
    public void changeStatus(TicketStatus to, String reason, SupportSla sla, Actor by, Instant now) {
        requireNotClosed();
        if (!status.canMoveTo(to)) {
            throw new BusinessRuleViolationException(CrmError.ILLEGAL_TRANSITION, "a ticket cannot move from " + status
                    + " to " + to, Map.of("field", "status"));
        }
        move(to, reason, sla, by, now);
    }

    /**
     * A customer's reopening of their resolved ticket, within the policy's window after its resolution.
     *
     * @param reason why, or {@code null}
     * @param sla    the policy (window and calendar)
     * @param by     the customer
     * @param now    when
     * @throws BusinessRuleViolationException {@code ticket_closed}, {@code not_resolved}, {@code reopen_window_passed}
     */
    public void reopen(String reason, SupportSla sla, Actor by, Instant now) {
        requireNotClosed();
        if (status != TicketStatus.RESOLVED) {
            throw new BusinessRuleViolationException(TicketError.NOT_RESOLVED, "only a resolved ticket can be reopened",
                    Map.of("field", "status"));
        }
        if (now.isAfter(metAt(SlaTarget.RESOLUTION).plus(sla.reopenWindow()))) {
            throw new BusinessRuleViolationException(TicketError.REOPEN_WINDOW_PASSED, "the ticket was resolved more than "
                    + sla.reopenWindow().toDays() + " day(s) ago; submit a new ticket referring to it",
                    Map.of("field", "ticketId"));
        }
        move(TicketStatus.IN_PROGRESS, reason, sla, by, now);
    }

    /**
     * Adds a comment. The first public comment of a staff user is the first response (a system process's comment,
     * an automatic acknowledgement say, is not); a customer's comment on a ticket waiting on them puts it back in
     * progress (its clocks run again).
     *
     * @param internal whether only staff see it; a customer cannot write one
     * @param body     the text
     * @param sla      the policy
     * @param by       the author
     * @param now      when
     * @return the comment
     * @throws InvalidValueException ({@code internal}) for an internal comment of a customer
     */
    public TicketComment comment(boolean internal, String body, SupportSla sla, Actor by, Instant now) {
        requireNotClosed();
        if (internal && by.type() == ActorType.CUSTOMER) {
            throw new InvalidValueException("internal", "a customer cannot write internal comments");
        }
        TicketComment c = new TicketComment(TicketHistory.idAt(now), internal, body, by.type(), by.reference(), now);
        comments.add(c);
        record(new TicketEvents.TicketCommented(id, c.id(), internal, now));
        if (!internal && by.type() == ActorType.STAFF) {
            slaFigures.responded(now);
        }
        if (by.type() == ActorType.CUSTOMER && status == TicketStatus.WAITING_ON_CUSTOMER) {
            move(TicketStatus.IN_PROGRESS, "customer answered", sla, by, now);
        }
        touch(sla, now);
        return c;
    }

    /**
     * Puts the ticket with an agent, a department queue, or both. Nothing changes when both are as they are.
     *
     * @param agent      the agent, or {@code null} for the queue only
     * @param queue      the department queue, or {@code null}
     * @param reason     why, or {@code null}
     * @param by         who
     * @param at         when (a history entry is never earlier than the one before it)
     */
    public void assign(StaffId agent, DepartmentId queue, String reason, Actor by, Instant at) {
        requireNotClosed();
        if (Objects.equals(agent, assignee) && Objects.equals(queue, department)) {
            return;
        }
        Instant now = history.append(HistoryKind.ASSIGNMENT, TicketHistory.assignment(assignee, department),
                TicketHistory.assignment(agent, queue), by, reason, at);
        assignee = agent;
        department = queue;
        updatedAt = now;
        record(new TicketEvents.TicketAssigned(id, agent, queue, now));
    }

    /**
     * An agent takes an unassigned ticket of their department's queue.
     *
     * @param agent           the agent
     * @param agentDepartment the agent's department: the ticket's queue when it is in none
     * @param by              the agent as actor
     * @param now             when
     * @throws ConflictException ({@code already_taken}) when another agent has it
     */
    public void pickUp(StaffId agent, DepartmentId agentDepartment, Actor by, Instant now) {
        if (assignee != null && !assignee.equals(agent)) {
            throw ConflictException.alreadyTaken("ticket", id, "assignee");
        }
        assign(agent, department != null ? department : agentDepartment, "picked up", by, now);
    }

    /**
     * Raises the priority with a reason; the targets become the policy's for the new priority, counted from the
     * submission (time already run counts against them).
     *
     * @param to     the higher priority
     * @param reason why
     * @param sla    the policy
     * @param by     who
     * @param at     when (a history entry is never earlier than the one before it)
     * @throws BusinessRuleViolationException {@code escalation_must_raise} unless {@code to} is higher
     */
    public void escalate(TicketPriority to, String reason, SupportSla sla, Actor by, Instant at) {
        requireNotClosed();
        if (to.compareTo(priority) <= 0) {
            throw new BusinessRuleViolationException(TicketError.ESCALATION_MUST_RAISE, "an escalation must raise the priority"
                    + " above " + priority, Map.of("field", "priority"));
        }
        Instant now = history.append(HistoryKind.PRIORITY, priority.name(), to.name(), by, reason, at);
        record(new TicketEvents.TicketEscalated(id, priority, to, now));
        priority = to;
        slaFigures.retarget(sla.targetsFor(to, draft.category()));
        touch(sla, now);
    }

    /**
     * A GDPR erasure of the ticket's customer: the subject, the description, every comment's text (staff's too,
     * which may quote the customer) and every reason in the history (a reopening's reason is the customer's words,
     * staff's reasons may quote them) become {@link #ERASED}; status, the history's changes, links and SLA figures
     * stay. Records no event (the customer's erasure is the event).
     *
     * @param now when
     */
    public void erasePersonalData(Instant now) {
        draft = new TicketDraft(draft.customer(), ERASED, ERASED, draft.category(), draft.priority(), draft.channel(),
                draft.purchase(), draft.product(), draft.relatedTicket());
        comments.replaceAll(c -> new TicketComment(c.id(), c.internal(), ERASED, c.authorType(), c.authorRef(),
                c.at()));
        history.eraseReasons(ERASED);
        updatedAt = now;
    }

    private void move(TicketStatus to, String reason, SupportSla sla, Actor by, Instant at) {
        TicketStatus from = status;
        Instant now = history.append(HistoryKind.STATUS, from.name(), to.name(), by, reason, at);
        status = to;
        slaFigures.statusChanged(from, to, now);
        record(new TicketEvents.TicketStatusChanged(id, from, to, now));
        touch(sla, now);
    }

    private void touch(SupportSla sla, Instant now) {
        updatedAt = now;
        slaFigures.refresh(sla.calendar());
    }

    /**
     * @param target which
     * @return its clock: from the submission, standing still while the ticket waits on the customer (and, for the
     *         resolution, while it is resolved or closed)
     */
    public SlaClock clock(SlaTarget target) {
        return slaFigures.clock(target);
    }

    /**
     * @param at an instant
     * @return the status the ticket had just before {@code at} (its status history replayed), or empty when it was
     *         submitted at or after {@code at}
     */
    public Optional<TicketStatus> statusBefore(Instant at) {
        return history.statusBefore(at);
    }

    /**
     * @param from the period's start
     * @param to   the period's end
     * @return whether the ticket was resolved at least once in {@code [from, to)}
     */
    public boolean resolvedBetween(Instant from, Instant to) {
        return history.resolvedBetween(from, to);
    }

    /**
     * @param target which
     * @param asOf   the instant asked about
     * @return whether the target is missed as of {@code asOf}: it fell due strictly before {@code asOf} and was not
     *         met by its due instant (not met at all, or met after it, whether before or after {@code asOf}). A target
     *         due exactly at {@code asOf} is not missed yet, and one met exactly at its due instant is met in time.
     */
    public boolean breached(SlaTarget target, Instant asOf) {
        return slaFigures.breached(target, asOf);
    }

    /**
     * @param target   which
     * @param calendar the working time
     * @param asOf     the instant asked about
     * @return the business time left to the target, if its clock runs and it is neither met nor missed
     */
    public Optional<Duration> remaining(SlaTarget target, BusinessCalendar calendar, Instant asOf) {
        return slaFigures.remaining(target, calendar, asOf);
    }

    /** @param target which @return when it is due, or {@code null} while its clock stands short of it */
    public Instant dueAt(SlaTarget target) {
        return slaFigures.dueAt(target);
    }

    /** @param target which @return when it was met, or {@code null} */
    public Instant metAt(SlaTarget target) {
        return slaFigures.metAt(target);
    }

    private void requireNotClosed() {
        if (status == TicketStatus.CLOSED) {
            throw new BusinessRuleViolationException(TicketError.TICKET_CLOSED, "ticket " + id + " is closed; submit a new "
                    + "ticket referring to it", Map.of("field", "ticketId"));
        }
    }

    /** @return the ticket's id */
    public TicketId id() {
        return id;
    }

    /** @return whose ticket it is */
    public CustomerId customer() {
        return draft.customer();
    }

    /** @return the agent working on it, or {@code null} */
    public StaffId assignee() {
        return assignee;
    }

    /** @return the department queue it is in, or {@code null} */
    public DepartmentId department() {
        return department;
    }

    /** @return its status */
    public TicketStatus status() {
        return status;
    }

    /** @return its current state */
    public TicketSnapshot snapshot() {
        return new TicketSnapshot(id, version(), draft.customer(), draft.subject(), draft.description(),
                draft.category(), priority, draft.channel(), draft.purchase(), draft.product(),
                draft.relatedTicket(), status, assignee, department, slaFigures.targets(),
                dueAt(SlaTarget.FIRST_RESPONSE), metAt(SlaTarget.FIRST_RESPONSE), dueAt(SlaTarget.RESOLUTION),
                metAt(SlaTarget.RESOLUTION), createdAt, updatedAt, comments, history.entries());
    }

    @Override
    protected Object identity() {
        return id;
    }
}
