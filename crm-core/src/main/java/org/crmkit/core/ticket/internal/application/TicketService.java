package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPermission;
import org.crmkit.core.ticket.internal.domain.Ticket;
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
import org.crmkit.core.ticket.port.in.SupportReport;
import org.crmkit.core.ticket.port.in.SupportReportQuery;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;

/**
 * The ticket use cases: the work on one ticket here (status, reopening, comments, assignment, escalation) and the
 * support report; the submission in {@link TicketSubmission}, the reads in {@link TicketReads}, the at-risk scan and
 * the breach run in {@link SlaWatch}. Access follows the ticket ({@link TicketAccess}).
 */
final class TicketService implements Tickets {
    private static final String TYPE = TicketAccess.TYPE;

    private final UseCaseSupport support;
    private final TicketStore tickets;
    private final SupportSla sla;
    private final TicketAccess access;
    private final TicketRouting routing;
    private final TicketSubmission submission;
    private final TicketReads reads;
    private final SlaWatch slaWatch;

    TicketService(UseCaseSupport support, TicketStore tickets, TicketLinks links, SupportSla sla,
                  SlaBreachNotifier notifier) {
        this.support = support;
        this.tickets = tickets;
        this.sla = sla;
        this.access = new TicketAccess(support, tickets);
        this.routing = new TicketRouting(links);
        this.submission = new TicketSubmission(support, tickets, links, sla);
        this.reads = new TicketReads(support, tickets);
        this.slaWatch = new SlaWatch(support, tickets, sla, notifier);
    }

    @Override
    public TicketView submit(Actor actor, SubmitTicketCommand command) {
        return submission.submit(actor, command);
    }

    @Override
    public Optional<TicketView> findById(Actor actor, TicketId ticketId) {
        return reads.findById(actor, ticketId);
    }

    @Override
    public Page<TicketView> search(Actor actor, TicketSearchQuery query) {
        return reads.search(actor, query);
    }

    @Override
    public TicketView changeStatus(Actor actor, ChangeTicketStatusCommand command) {
        support.validate(actor, command);
        String reason = strip(command.reason());
        return change(actor, TicketPermission.TICKET_WORK, "ticket.change_status", command.ticketId(),
                command.expectedVersion(), t -> t.changeStatus(command.status(), reason, sla, actor, support.now()));
    }

    @Override
    public TicketView reopen(Actor actor, ReopenTicketCommand command) {
        support.validate(actor, command);
        String reason = strip(command.reason());
        return change(actor, TicketPermission.TICKET_REOPEN, "ticket.reopen", command.ticketId(), null,
                t -> t.reopen(reason, sla, actor, support.now()));
    }

    @Override
    public TicketView comment(Actor actor, CommentTicketCommand command) {
        support.validate(actor, command, checks -> {
            if (command.internal() && actor instanceof Actor.Customer) {
                checks.refuse("internal", "a customer cannot write internal comments");
            }
            return null;
        });
        String body = command.body().strip();
        boolean staff = TicketAccess.isStaff(actor);
        return support.transaction(() -> {
            Ticket ticket = access.load(actor, TicketPermission.TICKET_COMMENT, "ticket.comment", command.ticketId());
            return support.once(actor, "ticket.comment", command.idempotencyKey(), command, () -> {
                support.applyChange(actor, "ticket.comment", TYPE, ticket.id().value(), ticket, null,
                        t -> UseCaseSupport.commandField(() -> t.comment(command.internal(), body, sla, actor,
                                support.now())), tickets::update);
                return TicketViews.of(ticket, staff);
            }, v -> v.id().value(), id -> TicketViews.of(tickets.findById(new TicketId(id)).orElseThrow(), staff));
        });
    }

    @Override
    public TicketView assign(Actor actor, AssignTicketCommand command) {
        support.validate(actor, command);
        String reason = strip(command.reason());
        return support.transaction(() -> {
            Ticket ticket = access.load(actor, TicketPermission.TICKET_ASSIGN, "ticket.assign", command.ticketId());
            TicketRouting.Assignment to = routing.assignment(command.assignee(), command.departmentId());
            support.applyChange(actor, "ticket.assign", TYPE, ticket.id().value(), ticket,
                    command.expectedVersion(), t -> t.assign(to.agent(), to.queue(), reason, actor, support.now()),
                    tickets::update);
            return TicketViews.of(ticket, true);
        });
    }

    @Override
    public TicketView pickUp(Actor actor, PickUpTicketCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            Optional<Ticket> found = tickets.findById(command.ticketId());
            Actor.Staff agent = (Actor.Staff) support.authorize(actor, TicketPermission.TICKET_PICK_UP,
                    TicketAccess.targetOf(found), "ticket.pick_up", TYPE, command.ticketId().value());
            Ticket ticket = found.orElseThrow(() -> new NotFoundException(TYPE, command.ticketId()));
            support.applyChange(actor, "ticket.pick_up", TYPE, ticket.id().value(), ticket,
                    command.expectedVersion(), t -> t.pickUp(agent.id(), agent.department(), actor, support.now()),
                    tickets::update);
            return TicketViews.of(ticket, true);
        });
    }

    @Override
    public TicketView escalate(Actor actor, EscalateTicketCommand command) {
        support.validate(actor, command);
        String reason = command.reason().strip();
        return support.transaction(() -> {
            Ticket ticket = access.load(actor, TicketPermission.TICKET_ESCALATE, "ticket.escalate",
                    command.ticketId());
            TicketRouting.Assignment to = null;
            if (command.assignee() != null || command.departmentId() != null) {
                // handing the ticket on is an assignment: it needs the assign permission on the ticket too
                support.authorize(actor, TicketPermission.TICKET_ASSIGN, TicketAccess.target(ticket),
                        "ticket.escalate", TYPE, ticket.id().value());
                to = routing.handedOn(ticket, command.assignee(), command.departmentId());
            }
            TicketRouting.Assignment handOn = to;
            support.applyChange(actor, "ticket.escalate", TYPE, ticket.id().value(), ticket, null, t -> {
                Instant now = support.now();
                t.escalate(command.priority(), reason, sla, actor, now);
                if (handOn != null) {
                    t.assign(handOn.agent(), handOn.queue(), reason, actor, now);
                }
            }, tickets::update);
            return TicketViews.of(ticket, true);
        });
    }

    @Override
    public List<AtRiskTicket> atRisk(Actor actor, AtRiskQuery query) {
        return slaWatch.atRisk(actor, query);
    }

    @Override
    public SlaCheckResult checkSla(Actor actor, Instant asOf) {
        return slaWatch.checkSla(actor, asOf);
    }

    @Override
    public SupportReport report(Actor actor, SupportReportQuery query) {
        support.validate(actor, query);
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        UseCaseSupport.commandField(() -> {
            StoredTime.requireOrdered("from", from, "to", to);
            return null;
        });
        // a report: read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(
                () -> support.authorize(actor, TicketPermission.TICKET_REPORT, AccessTarget.none(), "ticket.report",
                        TYPE, null),
                granted -> SupportReports.compute(tickets, sla.calendar(), from, to, support.now()));
    }

    /** Loads, authorizes, applies one domain call and stores it, in one transaction. */
    private TicketView change(Actor actor, Permission permission, String action, TicketId id, Long expectedVersion,
                              Consumer<Ticket> call) {
        return support.transaction(() -> {
            Ticket ticket = access.load(actor, permission, action, id);
            support.applyChange(actor, action, TYPE, id.value(), ticket, expectedVersion, call, tickets::update);
            return TicketViews.of(ticket, TicketAccess.isStaff(actor));
        });
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
