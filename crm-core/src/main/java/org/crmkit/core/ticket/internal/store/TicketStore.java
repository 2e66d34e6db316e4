package org.crmkit.core.ticket.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;

/**
 * The ticket area's repository of aggregates, on the adapter's {@link TicketRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class TicketStore {
    private final TicketRepository port;

    /** @param port the adapter's port */
    public TicketStore(TicketRepository port) {
        this.port = port;
    }

    /** @see TicketRepository#add */
    public void add(Ticket ticket) {
        port.add(ticket.snapshot());
    }

    /** @see TicketRepository#update */
    public void update(Ticket ticket) {
        port.update(ticket.snapshot());
        ticket.recordStored();
    }

    /** @see TicketRepository#updateErased */
    public void updateErased(Ticket ticket) {
        port.updateErased(ticket.snapshot());
        ticket.recordStored();
    }

    /** @see TicketRepository#findById */
    public Optional<Ticket> findById(TicketId id) {
        return port.findById(id).map(Ticket::restore);
    }

    /** @see TicketRepository#search */
    public List<Ticket> search(TicketCriteria criteria, EntryPosition after, int limit) {
        return port.search(criteria, after, limit).stream().map(Ticket::restore).toList();
    }

    /** @see TicketRepository#findPendingSla */
    public List<TicketSlaState> findPendingSla(TicketCriteria criteria, TicketId after, int limit) {
        return port.findPendingSla(criteria, after, limit);
    }

    /** @see TicketRepository#findUnnotifiedBreaches */
    public List<BreachCandidate> findUnnotifiedBreaches(Instant asOf, BreachCandidate after, int limit) {
        return port.findUnnotifiedBreaches(asOf, after, limit);
    }

    /** @see TicketRepository#claimBreach */
    public boolean claimBreach(TicketId id, SlaTarget target, Instant at) {
        return port.claimBreach(id, target, at);
    }

    /** @see TicketRepository#releaseBreach */
    public void releaseBreach(TicketId id, SlaTarget target, Instant claimedAt) {
        port.releaseBreach(id, target, claimedAt);
    }

    /** @see TicketRepository#breachNotifiedAt */
    public Optional<Instant> breachNotifiedAt(TicketId id, SlaTarget target) {
        return port.breachNotifiedAt(id, target);
    }

    /** @see TicketRepository#findForReport */
    public List<Ticket> findForReport(Instant from, Instant to, TicketId after, int limit) {
        return port.findForReport(from, to, after, limit).stream().map(Ticket::restore).toList();
    }
}
