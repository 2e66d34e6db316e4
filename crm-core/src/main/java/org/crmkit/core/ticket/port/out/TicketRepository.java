package org.crmkit.core.ticket.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.TicketSnapshot;

/**
 * Tickets with their comments and history. Comments and history are append-only; the ticket row is versioned. The
 * breach notification marks ({@link #claimBreach}) live beside a ticket but are not part of it: a versioned update
 * never touches them.
 */
public interface TicketRepository {

    /** @param ticket a new ticket */
    void add(TicketSnapshot ticket);

    /**
     * Stores a changed ticket if the stored version is still the one it was loaded at, and appends its new comments
     * and history entries.
     *
     * @param ticket the changed ticket
     * @throws org.crmkit.core.shared.ConflictException ({@code stale_version}) otherwise
     */
    void update(TicketSnapshot ticket);

    /**
     * Stores a ticket whose texts were erased ({@code Ticket.erasePersonalData}): like {@link #update}, and it rewrites
     * the subject, the description, the stored comments' texts and the stored history entries' reasons.
     *
     * @param ticket the erased ticket
     * @throws org.crmkit.core.shared.ConflictException ({@code stale_version}) when it was changed meanwhile
     */
    void updateErased(TicketSnapshot ticket);

    /** @param id a ticket @return it, if stored */
    Optional<TicketSnapshot> findById(TicketId id);

    /**
     * @param criteria filters and scope
     * @param after    the position to continue after (newest first by submission time, then id), or {@code null}
     * @param limit    at most this many
     * @return the matching tickets, newest first
     */
    List<TicketSnapshot> search(TicketCriteria criteria, EntryPosition after, int limit);

    /**
     * The SLA figures of the pending tickets (open, in progress, waiting on the customer) that match the criteria, read
     * from the ticket rows alone: no text, comment or history entry is read. The criteria's scope fields narrow it as
     * they narrow {@link #search} (a customer's own tickets, an agent's and their department's queue), so a caller
     * with a narrow grant reads only the tickets it reaches, never every pending ticket.
     *
     * @param criteria filters and scope, as {@link #search} applies them ({@code statuses} further narrows the
     *                 pending ones)
     * @param after    the last id of the previous page, or {@code null}
     * @param limit    at most this many
     * @return those tickets' SLA figures, in id order
     */
    List<TicketSlaState> findPendingSla(TicketCriteria criteria, TicketId after, int limit);

    /**
     * @param asOf  the instant
     * @param after the last candidate of the previous page (by ticket id, then target), or {@code null}
     * @param limit at most this many
     * @return targets missed as of {@code asOf} (see {@code Ticket.breached}) that are not claimed, by ticket id
     *         and target
     */
    List<BreachCandidate> findUnnotifiedBreaches(Instant asOf, BreachCandidate after, int limit);

    /**
     * Marks a breach as notified, if nobody did yet (a conditional update: two callers at once, one wins).
     *
     * @param id     the ticket
     * @param target the target
     * @param at     when
     * @return whether this call marked it
     */
    boolean claimBreach(TicketId id, SlaTarget target, Instant at);

    /**
     * Undoes this caller's claim (the notifier failed) so a later run tries again, and counts the failed attempt.
     *
     * @param id        the ticket
     * @param target    the target
     * @param claimedAt the instant the claim was made at
     */
    void releaseBreach(TicketId id, SlaTarget target, Instant claimedAt);

    /**
     * @param id     the ticket
     * @param target the target
     * @return when its breach was notified (claimed), if it was
     */
    Optional<Instant> breachNotifiedAt(TicketId id, SlaTarget target);

    /**
     * The tickets a support report over {@code [from, to)} needs: submitted before {@code to}, and pending or changed
     * at or after {@code from}.
     *
     * @param from  the period's start
     * @param to    the period's end
     * @param after the last id of the previous page, or {@code null}
     * @param limit at most this many
     * @return those tickets in id order
     */
    List<TicketSnapshot> findForReport(Instant from, Instant to, TicketId after, int limit);
}
