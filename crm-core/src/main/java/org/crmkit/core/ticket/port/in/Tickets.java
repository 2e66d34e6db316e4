package org.crmkit.core.ticket.port.in;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.ticket.TicketId;

/**
 * Support tickets and their SLA ({@code crm.tickets()}). A customer submits, reads, comments on and reopens their own
 * tickets and sees only public comments; support agents work on the tickets of their department's queue and those
 * assigned to them; support managers on every ticket. See docs/authorization.md, "Tickets".
 */
public interface Tickets {

    /**
     * Submits a ticket. A purchase link must name a purchase of the ticket's customer, a product link a product they
     * bought, a related ticket a closed ticket of theirs, a department an active one: otherwise the command is invalid
     * ({@code invalid_command}) naming every such field ({@code purchaseId}, {@code productId},
     * {@code relatedTicketId}, {@code departmentId}).
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the ticket the first call submitted;
     * without a key a retry may submit a second ticket.
     *
     * @param actor   the caller: the customer themself or staff
     * @param command the ticket
     * @return the open ticket
     */
    TicketView submit(Actor actor, SubmitTicketCommand command);

    /**
     * Reads a ticket.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param ticketId the ticket
     * @return it, as the caller may see it, if it exists
     */
    Optional<TicketView> findById(Actor actor, TicketId ticketId);

    /**
     * Searches tickets.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller; a customer finds only their own tickets, an agent those of their department's queue
     *              and those assigned to them
     * @param query filters and page
     * @return one page, newest first
     */
    Page<TicketView> search(Actor actor, TicketSearchQuery query);

    /**
     * Staff move a ticket along the documented transitions ({@code illegal_transition} otherwise; a closed ticket
     * refuses everything: {@code ticket_closed}).
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code illegal_transition} (the ticket has that
     * status already) or {@code ticket_closed}.
     *
     * @param actor   the caller
     * @param command the ticket and the next status
     * @return the ticket
     */
    TicketView changeStatus(Actor actor, ChangeTicketStatusCommand command);

    /**
     * A customer reopens their resolved ticket within the reopen window ({@code reopen_window_passed} after it,
     * {@code ticket_closed} on a closed one).
     *
     * <p>Retry: safe: the command names no version, but a retry of a stored reopening is refused with
     * {@code not_resolved} (the ticket is in progress again).
     *
     * @param actor   the caller
     * @param command the ticket
     * @return the ticket, in progress again
     */
    TicketView reopen(Actor actor, ReopenTicketCommand command);

    /**
     * Comments on a ticket. The first public staff comment is the first response; a customer's comment on a ticket
     * waiting on them puts it back in progress.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the ticket with the first call's
     * comment and adds none; without a key a retry may comment twice.
     *
     * @param actor   the caller
     * @param command the comment
     * @return the ticket, as the caller may see it
     */
    TicketView comment(Actor actor, CommentTicketCommand command);

    /**
     * A support manager assigns a ticket to an agent and/or a department queue.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the ticket is there already).
     *
     * @param actor   the caller
     * @param command the assignment
     * @return the ticket
     */
    TicketView assign(Actor actor, AssignTicketCommand command);

    /**
     * An agent takes an unassigned ticket of their department's queue; when another agent has it the call fails with
     * a conflict ({@code already_taken}, or {@code stale_version} when both raced).
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the ticket is the caller's already).
     *
     * @param actor   the caller (a staff user)
     * @param command the ticket
     * @return the ticket
     */
    TicketView pickUp(Actor actor, PickUpTicketCommand command);

    /**
     * Raises a ticket's priority with a reason, optionally handing it on; its SLA targets become the new priority's.
     * Handing it on (an assignee or a department named) is an assignment and needs the assign permission too; the
     * half left {@code null} is kept from the ticket.
     *
     * <p>Retry: safe: the command names no version, but a retry of a stored escalation is refused with
     * {@code escalation_must_raise} (the priority is that high already), so nothing is raised or handed on twice.
     *
     * @param actor   the caller
     * @param command the escalation
     * @return the ticket
     */
    TicketView escalate(Actor actor, EscalateTicketCommand command);

    /**
     * Running tickets at risk of missing an SLA target.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller; narrowed like {@link #search}
     * @param query the instant and the share
     * @return running targets with less than that share of their time left, least left first
     */
    List<AtRiskTicket> atRisk(Actor actor, AtRiskQuery query);

    /**
     * Notifies every SLA breach as of {@code now} that was not notified yet, once per ticket and target, even when
     * several runs overlap (each breach is claimed before the notifier hears of it). A notifier that throws gives the
     * claim back for the next run.
     *
     * <p>Retry: safe to run again: each breach is claimed once, and a breach notified is never notified again. When
     * the commit of a claim loses its acknowledgement, the run reads the claim back and notifies the breach if the
     * claim is its own; only when that read fails too does the run stop, and then a breach claimed but not notified
     * stays so (the claim is at most once, by design).
     *
     * @param actor the caller (a scheduled job as the system actor)
     * @param now   the instant breaches are judged at: not after the clock's now (a later instant would notify breaches
     *              that have not happened, and a notified breach is never notified again), within the years 1000 to
     *              9999
     * @return how many were notified and how many failed
     */
    SlaCheckResult checkSla(Actor actor, Instant now);

    /**
     * Support figures of a period: opened, resolved, backlog, first-response and resolution times in business time
     * (median and 90th percentile, nearest-rank), SLA compliance, per-agent workload and per-category counts. For
     * support and CRM managers.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the period
     * @return the report
     */
    SupportReport report(Actor actor, SupportReportQuery query);
}
