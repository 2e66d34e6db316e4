package org.crmkit.core.ticket.internal.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.internal.FieldChecks;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.domain.Ticket;
import org.crmkit.core.ticket.domain.TicketDraft;
import org.crmkit.core.ticket.TicketEvents;
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
import org.crmkit.core.ticket.port.in.Tickets;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.ticket.TicketPermission;

// Over 300 lines, knowingly for now: the ticket life cycle's use cases share the load-authorize-change and SLA
// steps; issue 16's god-class slice (ADR 0011, "How it lands" 5) splits it. This session only moved it and changed
// its links to internal ports.
/**
 * Tickets and their SLA. Access follows the ticket: its customer (a customer reaches only their own), its assignee
 * (an agent's own) and its department queue (an agent's department).
 */
final class TicketService implements Tickets {
    static final String TYPE = "ticket";
    /** Rows read per round trip by the scans of at-risk tickets and of breaches. */
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(TicketService.class);

    private final UseCaseSupport support;
    private final TicketRepository tickets;
    private final TicketLinks links;
    private final SupportSla sla;
    private final SlaBreachNotifier notifier;

    TicketService(UseCaseSupport support, TicketRepository tickets, TicketLinks links, SupportSla sla,
                  SlaBreachNotifier notifier) {
        this.support = support;
        this.tickets = tickets;
        this.links = links;
        this.sla = sla;
        this.notifier = notifier;
    }

    @Override
    public TicketView submit(Actor actor, SubmitTicketCommand command) {
        support.validate(actor, command);
        TicketDraft draft = new TicketDraft(command.customerId(), command.subject().strip(),
                command.description().strip(), command.category() == null ? null : command.category().strip(),
                command.priority(), command.channel(), command.purchaseId(), command.productId(),
                command.relatedTicketId());
        return support.transaction(() -> {
            Optional<CustomerView> customer = links.customer(command.customerId());
            support.authorize(actor, TicketPermission.TICKET_SUBMIT, AccessTarget.customer(command.customerId(),
                    customer.map(CustomerView::accountManager).orElse(null)), "ticket.submit", TYPE, null);
            links.requireCustomer(command.customerId());
            FieldChecks checks = new FieldChecks();
            checks.attempt(() -> {
                links.requireBought(command.customerId(), command.purchaseId(), command.productId());
                return null;
            });
            if (command.relatedTicketId() != null) {
                checks.attempt(() -> {
                    requireClosedOf(command.customerId(), command.relatedTicketId());
                    return null;
                });
            }
            if (command.departmentId() != null) {
                checks.attempt(() -> links.requireActiveDepartment(command.departmentId(),
                        "departmentId"));
            }
            checks.throwIfAny();
            Ticket ticket = Ticket.submit(TicketId.next(support.clock()), draft, queueOf(command), sla, actor,
                    support.now());
            tickets.add(ticket);
            support.audit(actor, "ticket.submit", TYPE, ticket.id().value());
            support.publishAfterCommit(ticket.pullEvents());
            return TicketView.of(ticket, isStaff(actor));
        });
    }

    /**
     * The queue a new ticket starts in: the one named, else the policy's default queue when that is an active
     * department (a misconfigured one is logged by id and left out, so the ticket waits for a manager).
     */
    private org.crmkit.core.shared.DepartmentId queueOf(SubmitTicketCommand command) {
        if (command.departmentId() != null) {
            return command.departmentId();
        }
        Optional<org.crmkit.core.shared.DepartmentId> queue = sla.defaultQueue();
        if (queue.isPresent() && !links.isActiveDepartment(queue.get())) {
            LOG.warn("the default ticket queue {} is not an active department; the ticket is put in no queue",
                    queue.get());
            return null;
        }
        return queue.orElse(null);
    }

    private void requireClosedOf(org.crmkit.core.shared.CustomerId customer, TicketId related) {
        boolean ok = tickets.findById(related).filter(t -> t.customer().equals(customer))
                .filter(t -> t.status() == org.crmkit.core.ticket.TicketStatus.CLOSED).isPresent();
        if (!ok) {
            throw new InvalidCommandException(List.of(new FieldError("relatedTicketId",
                    "must be a closed ticket of the ticket's customer")));
        }
    }

    @Override
    public Optional<TicketView> findById(Actor actor, TicketId ticketId) {
        support.validate(actor, new Arguments.TicketIdQuery(ticketId));
        return support.transaction(() -> {
            Optional<Ticket> found = tickets.findById(ticketId);
            support.authorize(actor, TicketPermission.TICKET_VIEW, targetOf(found), "ticket.view", TYPE, ticketId.value());
            return found.map(t -> TicketView.of(t, isStaff(actor)));
        });
    }

    @Override
    public Page<TicketView> search(Actor actor, TicketSearchQuery query) {
        support.validate(actor, query);
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("createdFrom", query.createdFrom()));
        Instant before = UseCaseSupport.commandField(() -> StoredTime.bound("createdBefore", query.createdBefore()));
        Instant breachedAsOf = UseCaseSupport.commandField(() -> StoredTime.bound("breachedAsOf",
                query.breachedAsOf()));
        String text = query.text() == null || query.text().isBlank() ? null
                : query.text().strip().toLowerCase(Locale.ROOT);
        String scope = Cursor.scope("ticket.search", query.statuses().stream().sorted().toList(), query.priority(),
                query.assignee(), query.departmentId(), query.customerId(), query.category(), breachedAsOf, from,
                before, text);
        EntryPosition after = UseCaseSupport.commandField(() -> EntryPosition.fromCursor(query.page().cursor(),
                scope));
        int size = query.page().size();
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TicketPermission.TICKET_VIEW, "ticket.search", TYPE);
            TicketCriteria criteria = narrowed(grant, new TicketCriteria(query.statuses(), query.priority(),
                    query.assignee(), query.departmentId(), query.customerId(), query.category(),
                    breachedAsOf, from, before, text, null, null, null));
            boolean staff = isStaff(actor);
            return Page.slice(tickets.search(criteria, after, size + 1), size, t -> TicketView.of(t, staff),
                    t -> new EntryPosition(t.snapshot().createdAt(), t.id().value()).toCursor(scope));
        });
    }

    /** The criteria narrowed to what the grant reaches: a customer's own tickets, an agent's and their queue's. */
    private static TicketCriteria narrowed(UseCaseSupport.Grant grant, TicketCriteria c) {
        if (grant.scope() == AccessScope.ANY) {
            return c;
        }
        if (grant.actor() instanceof Actor.Customer customer) {
            return new TicketCriteria(c.statuses(), c.priority(), c.assignee(), c.department(), c.customer(),
                    c.category(), c.breachedAsOf(), c.createdFrom(), c.createdBefore(), c.text(), customer.id(),
                    null, null);
        }
        Actor.Staff staff = (Actor.Staff) grant.actor();
        return new TicketCriteria(c.statuses(), c.priority(), c.assignee(), c.department(), c.customer(),
                c.category(), c.breachedAsOf(), c.createdFrom(), c.createdBefore(), c.text(), null, staff.id(),
                grant.scope() == AccessScope.DEPARTMENT ? staff.department() : null);
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
        support.validate(actor, command);
        if (command.internal() && actor instanceof Actor.Customer) {
            throw new InvalidCommandException(List.of(new FieldError("internal",
                    "a customer cannot write internal comments")));
        }
        String body = command.body().strip();
        return change(actor, TicketPermission.TICKET_COMMENT, "ticket.comment", command.ticketId(), null,
                t -> UseCaseSupport.commandField(() -> t.comment(command.internal(), body, sla, actor,
                        support.now())));
    }

    @Override
    public TicketView assign(Actor actor, AssignTicketCommand command) {
        support.validate(actor, command);
        String reason = strip(command.reason());
        return support.transaction(() -> {
            Ticket ticket = load(actor, TicketPermission.TICKET_ASSIGN, "ticket.assign", command.ticketId());
            Assignment to = assignment(command.assignee(), command.departmentId());
            support.applyChange(actor, "ticket.assign", TYPE, ticket.id().value(), ticket,
                    command.expectedVersion(), t -> t.assign(to.agent, to.queue, reason, actor, support.now()),
                    tickets::update);
            return TicketView.of(ticket, true);
        });
    }

    @Override
    public TicketView pickUp(Actor actor, PickUpTicketCommand command) {
        support.validate(actor, command);
        return support.transaction(() -> {
            Optional<Ticket> found = tickets.findById(command.ticketId());
            Actor.Staff agent = (Actor.Staff) support.authorize(actor, TicketPermission.TICKET_PICK_UP, targetOf(found),
                    "ticket.pick_up", TYPE, command.ticketId().value());
            Ticket ticket = found.orElseThrow(() -> new NotFoundException(TYPE, command.ticketId()));
            support.applyChange(actor, "ticket.pick_up", TYPE, ticket.id().value(), ticket,
                    command.expectedVersion(), t -> t.pickUp(agent.id(), agent.department(), actor, support.now()),
                    tickets::update);
            return TicketView.of(ticket, true);
        });
    }

    @Override
    public TicketView escalate(Actor actor, EscalateTicketCommand command) {
        support.validate(actor, command);
        String reason = command.reason().strip();
        return support.transaction(() -> {
            Ticket ticket = load(actor, TicketPermission.TICKET_ESCALATE, "ticket.escalate", command.ticketId());
            Assignment to = null;
            if (command.assignee() != null || command.departmentId() != null) {
                // handing the ticket on is an assignment: it needs the assign permission on the ticket too
                support.authorize(actor, TicketPermission.TICKET_ASSIGN, target(ticket), "ticket.escalate", TYPE,
                        ticket.id().value());
                to = handedOn(ticket, command.assignee(), command.departmentId());
            }
            Assignment handOn = to;
            support.applyChange(actor, "ticket.escalate", TYPE, ticket.id().value(), ticket, null, t -> {
                Instant now = support.now();
                t.escalate(command.priority(), reason, sla, actor, now);
                if (handOn != null) {
                    t.assign(handOn.agent, handOn.queue, reason, actor, now);
                }
            }, tickets::update);
            return TicketView.of(ticket, true);
        });
    }

    @Override
    public List<AtRiskTicket> atRisk(Actor actor, AtRiskQuery query) {
        support.validate(actor, query);
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TicketPermission.TICKET_VIEW, "ticket.at_risk", TYPE);
            List<AtRiskTicket> found = new ArrayList<>();
            // a bounded scan of the pending tickets, BATCH at a time: "at risk" depends on the share asked for and
            // on business time, so it is computed here, not in SQL (cost: one pass over the pending tickets)
            TicketId after = null;
            List<Ticket> batch;
            do {
                batch = tickets.findPending(after, BATCH);
                for (Ticket t : batch) {
                    if (grant.scope() == AccessScope.ANY || grant.scope().covers(grant.actor(), target(t))) {
                        atRisk(t, query).ifPresent(found::add);
                    }
                }
                after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
            } while (batch.size() == BATCH);
            found.sort(Comparator.comparingDouble(AtRiskTicket::shareLeft)
                    .thenComparing(a -> a.ticketId().value().toString()));
            return found.stream().limit(query.limit()).toList();
        });
    }

    private Optional<AtRiskTicket> atRisk(Ticket t, AtRiskQuery query) {
        AtRiskTicket worst = null;
        for (SlaTarget target : SlaTarget.values()) {
            Optional<Duration> left = t.remaining(target, sla.calendar(), query.asOf());
            if (left.isEmpty()) {
                continue;
            }
            Duration allowed = t.snapshot().targets().of(target);
            double share = (double) left.get().toMillis() / allowed.toMillis();
            if (share < query.share() && (worst == null || share < worst.shareLeft())) {
                worst = new AtRiskTicket(t.id(), t.snapshot().priority(), target, t.dueAt(target), left.get(),
                        share);
            }
        }
        return Optional.ofNullable(worst);
    }

    @Override
    public SlaCheckResult checkSla(Actor actor, Instant asOf) {
        support.validate(actor, new Arguments.CheckSlaArguments(asOf));
        Instant now = UseCaseSupport.commandField(() -> StoredTime.bound("now", asOf));
        support.transaction(() -> support.authorize(actor, TicketPermission.TICKET_SLA_CHECK, AccessTarget.none(),
                "ticket.check_sla", TYPE, null));
        int notified = 0;
        int failed = 0;
        BreachCandidate after = null;
        List<BreachCandidate> batch;
        do {
            BreachCandidate from = after;
            batch = support.transaction(() -> tickets.findUnnotifiedBreaches(now, from, BATCH));
            for (BreachCandidate c : batch) {
                Instant claimedAt = support.now();
                boolean mine = support.transaction(() -> {
                    boolean claimed = tickets.claimBreach(c.ticketId(), c.target(), claimedAt);
                    if (claimed) {
                        support.audit(actor, "ticket.sla_breach", TYPE, c.ticketId().value());
                    }
                    return claimed;
                });
                if (!mine) {
                    continue; // another run claimed it first
                }
                if (notify(c, claimedAt)) {
                    notified++;
                } else {
                    failed++;
                }
            }
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
        return new SlaCheckResult(notified, failed);
    }

    /** Calls the notifier for a claimed breach; gives the claim back when it throws. */
    private boolean notify(BreachCandidate c, Instant claimedAt) {
        try {
            notifier.breached(c.ticketId(), c.target(), c.dueAt());
        } catch (RuntimeException e) {
            // the exception's class only: its message and stack trace may carry personal data
            LOG.warn("SLA breach notifier failed for ticket {} ({}): {}; the claim is released for the next run",
                    c.ticketId(), c.target(), e.getClass().getName());
            support.transaction(() -> {
                tickets.releaseBreach(c.ticketId(), c.target(), claimedAt);
                return null;
            });
            return false;
        }
        support.transaction(() -> {
            support.publishAfterCommit(List.of(new TicketEvents.SlaBreached(c.ticketId(), c.target(), c.dueAt(),
                    claimedAt)));
            return null;
        });
        return true;
    }

    @Override
    public org.crmkit.core.ticket.port.in.SupportReport report(Actor actor,
                                                               org.crmkit.core.ticket.port.in.SupportReportQuery query) {
        support.validate(actor, query);
        Instant from = UseCaseSupport.commandField(() -> StoredTime.bound("from", query.from()));
        Instant to = UseCaseSupport.commandField(() -> StoredTime.bound("to", query.to()));
        UseCaseSupport.commandField(() -> {
            StoredTime.requireOrdered("from", from, "to", to);
            return null;
        });
        return support.transaction(() -> {
            support.authorize(actor, TicketPermission.TICKET_REPORT, AccessTarget.none(), "ticket.report", TYPE, null);
            return SupportReports.compute(tickets, sla.calendar(), from, to, support.now());
        });
    }

    /** Loads, authorizes, applies one domain call and stores it, in one transaction. */
    private TicketView change(Actor actor, Permission permission, String action, TicketId id, Long expectedVersion,
                              Consumer<Ticket> call) {
        return support.transaction(() -> {
            Ticket ticket = load(actor, permission, action, id);
            support.applyChange(actor, action, TYPE, id.value(), ticket, expectedVersion, call, tickets::update);
            return TicketView.of(ticket, isStaff(actor));
        });
    }

    private Ticket load(Actor actor, Permission permission, String action, TicketId id) {
        Optional<Ticket> found = tickets.findById(id);
        support.authorize(actor, permission, targetOf(found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /**
     * An agent and queue to assign: the agent must be active staff, the queue an active department (both named when
     * both are bad); without a queue, the agent's department.
     */
    private Assignment assignment(StaffId agent, org.crmkit.core.shared.DepartmentId queue) {
        FieldChecks checks = new FieldChecks();
        StaffView staff = agent == null ? null
                : checks.attempt(() -> links.requireActiveStaff(agent, "assignee"));
        if (queue != null) {
            checks.attempt(() -> links.requireActiveDepartment(queue, "departmentId"));
        }
        checks.throwIfAny();
        org.crmkit.core.shared.DepartmentId department = queue != null ? queue
                : staff == null ? null : staff.department();
        return new Assignment(agent, department);
    }

    /**
     * Where an escalation hands the ticket: what the command names, checked like an assignment; a half it leaves
     * out ({@code null}) is kept from the ticket (a ticket in no queue goes to the new agent's department).
     */
    private Assignment handedOn(Ticket ticket, StaffId agent, org.crmkit.core.shared.DepartmentId queue) {
        Assignment named = assignment(agent, queue);
        return new Assignment(agent != null ? agent : ticket.assignee(),
                queue != null ? queue : ticket.department() != null ? ticket.department() : named.queue());
    }

    private record Assignment(StaffId agent, org.crmkit.core.shared.DepartmentId queue) {
    }

    /** Whose ticket it is: its customer's, owned by its assignee, in its department's queue. */
    private static AccessTarget targetOf(Optional<Ticket> ticket) {
        return ticket.map(TicketService::target).orElse(AccessTarget.none());
    }

    private static AccessTarget target(Ticket t) {
        return new AccessTarget(Optional.of(t.customer()), Optional.ofNullable(t.assignee()),
                Optional.ofNullable(t.department()));
    }

    private static boolean isStaff(Actor actor) {
        return actor.type() != ActorType.CUSTOMER;
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
