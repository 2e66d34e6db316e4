package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.out.TicketRepository;

/**
 * Tickets in memory, versioned, with their breach notification marks in a table of their own (a versioned update of a
 * ticket never touches them, as on MySQL).
 */
public final class InMemoryTicketRepository implements TicketRepository {
    private static final Comparator<TicketSnapshot> NEWEST_FIRST = Comparator
            .comparing(TicketSnapshot::createdAt)
            .thenComparing(t -> t.id().value(), UuidV7::compareBytes).reversed();
    private static final Comparator<TicketSnapshot> BY_ID = Comparator.comparing(t -> t.id().value(), UuidV7::compareBytes);

    private final InMemoryTable<TicketId, TicketSnapshot> table;
    private final InMemoryTable<Mark.Key, Mark> marks;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryTicketRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<>(unitOfWork, "ticket", TicketSnapshot::id, TicketSnapshot::version,
                s -> s.withVersion(s.version() + 1));
        this.marks = new InMemoryTable<>(unitOfWork, "ticket_breach", Mark::key, m -> 0L, m -> m);
    }

    /** A breach notification mark: claimed at {@code notifiedAt} ({@code null}: released), attempts that failed. */
    record Mark(Key key, Instant notifiedAt, int failedAttempts) {
        record Key(TicketId ticket, SlaTarget target) {
        }
    }

    @Override
    public void add(TicketSnapshot ticket) {
        table.insert(ticket);
    }

    @Override
    public void update(TicketSnapshot ticket) {
        table.update(ticket);
    }

    @Override
    public void updateErased(TicketSnapshot ticket) {
        update(ticket);
    }

    @Override
    public Optional<TicketSnapshot> findById(TicketId id) {
        return table.get(id);
    }

    @Override
    public List<TicketSnapshot> search(TicketCriteria c, EntryPosition after, int limit) {
        return table.where(t -> matches(c, t) && EntryPosition.isAfter(after, t.createdAt(), t.id().value()))
                .stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    private static boolean matches(TicketCriteria c, TicketSnapshot t) {
        return (c.statuses().isEmpty() || c.statuses().contains(t.status()))
                && (c.priority() == null || c.priority() == t.priority())
                && (c.assignee() == null || c.assignee().equals(t.assignee()))
                && (c.department() == null || c.department().equals(t.department()))
                && (c.customer() == null || c.customer().equals(t.customer()))
                && (c.category() == null || c.category().equals(t.category()))
                && (c.breachedAsOf() == null || breached(t, c.breachedAsOf()))
                && (c.createdFrom() == null || !t.createdAt().isBefore(c.createdFrom()))
                && (c.createdBefore() == null || t.createdAt().isBefore(c.createdBefore()))
                && (c.text() == null || t.subject().toLowerCase(Locale.ROOT).contains(c.text()))
                && (c.scopeCustomer() == null || c.scopeCustomer().equals(t.customer()))
                && (c.scopeAgent() == null || c.scopeAgent().equals(t.assignee())
                || c.scopeDepartment() != null && c.scopeDepartment().equals(t.department()));
    }

    private static boolean breached(TicketSnapshot t, Instant asOf) {
        // the SLA rules are the aggregate's: the in-memory adapter is crmkit's own, so it may ask them
        Ticket ticket = Ticket.restore(t);
        return ticket.breached(SlaTarget.FIRST_RESPONSE, asOf) || ticket.breached(SlaTarget.RESOLUTION, asOf);
    }

    @Override
    public List<TicketSlaState> findPendingSla(TicketCriteria criteria, TicketId after, int limit) {
        return table.where(t -> t.status().isPending() && matches(criteria, t)
                        && (after == null || UuidV7.compareBytes(t.id().value(), after.value()) > 0)).stream()
                .sorted(BY_ID).limit(limit).map(TicketSlaState::of).toList();
    }

    @Override
    public List<BreachCandidate> findUnnotifiedBreaches(Instant asOf, BreachCandidate after, int limit) {
        List<BreachCandidate> found = new ArrayList<>();
        for (TicketSnapshot s : table.where(t -> true)) {
            Ticket t = Ticket.restore(s);
            for (SlaTarget target : SlaTarget.values()) {
                BreachCandidate c = new BreachCandidate(t.id(), target, t.dueAt(target));
                if (t.breached(target, asOf) && isAfter(c, after)
                        && marks.get(new Mark.Key(t.id(), target)).map(m -> m.notifiedAt() == null).orElse(true)) {
                    found.add(c);
                }
            }
        }
        found.sort(ORDER);
        return found.stream().limit(limit).toList();
    }

    private static final Comparator<BreachCandidate> ORDER = Comparator
            .comparing((BreachCandidate c) -> c.ticketId().value(), UuidV7::compareBytes)
            .thenComparing(BreachCandidate::target);

    private static boolean isAfter(BreachCandidate c, BreachCandidate after) {
        return after == null || ORDER.compare(c, after) > 0;
    }

    @Override
    public boolean claimBreach(TicketId id, SlaTarget target, Instant at) {
        Mark.Key key = new Mark.Key(id, target);
        if (marks.get(key).isEmpty()) {
            marks.insert(new Mark(key, at, 0));
            return true;
        }
        return marks.replaceIf(key, m -> m.notifiedAt() == null, m -> new Mark(key, at, m.failedAttempts()));
    }

    @Override
    public void releaseBreach(TicketId id, SlaTarget target, Instant claimedAt) {
        Mark.Key key = new Mark.Key(id, target);
        marks.replaceIf(key, m -> claimedAt.equals(m.notifiedAt()),
                m -> new Mark(key, null, m.failedAttempts() + 1));
    }

    @Override
    public Optional<Instant> breachNotifiedAt(TicketId id, SlaTarget target) {
        return marks.get(new Mark.Key(id, target)).map(Mark::notifiedAt);
    }

    @Override
    public List<TicketSnapshot> findForReport(Instant from, Instant to, TicketId after, int limit) {
        return table.where(t -> t.createdAt().isBefore(to)
                        && (t.status().isPending() || !t.updatedAt().isBefore(from))
                        && (after == null || UuidV7.compareBytes(t.id().value(), after.value()) > 0)).stream()
                .sorted(BY_ID).limit(limit).toList();
    }
}
