package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPermission;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.in.TicketSearchQuery;
import org.crmkit.core.ticket.port.in.TicketView;
import org.crmkit.core.ticket.port.out.TicketCriteria;

/**
 * The ticket reads: one ticket and the search, newest first. A caller with a narrower grant than "any" searches only
 * the tickets it reaches; a customer sees no internal comment.
 */
final class TicketReads {
    private final UseCaseSupport support;
    private final TicketStore tickets;

    TicketReads(UseCaseSupport support, TicketStore tickets) {
        this.support = support;
        this.tickets = tickets;
    }

    Optional<TicketView> findById(Actor actor, TicketId ticketId) {
        support.validate(actor, new Arguments.TicketIdQuery(ticketId));
        return support.transaction(() -> {
            Optional<Ticket> found = tickets.findById(ticketId);
            support.authorize(actor, TicketPermission.TICKET_VIEW, TicketAccess.targetOf(found), "ticket.view",
                    TicketAccess.TYPE, ticketId.value());
            return found.map(t -> TicketViews.of(t, TicketAccess.isStaff(actor)));
        });
    }

    Page<TicketView> search(Actor actor, TicketSearchQuery query) {
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
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TicketPermission.TICKET_VIEW, "ticket.search",
                    TicketAccess.TYPE);
            Optional<TicketCriteria> criteria = TicketAccess.narrowed(grant, new TicketCriteria(query.statuses(),
                    query.priority(), query.assignee(), query.departmentId(), query.customerId(), query.category(),
                    breachedAsOf, from, before, text, null, null, null));
            if (criteria.isEmpty()) {
                return Page.<TicketView>empty();
            }
            boolean staff = TicketAccess.isStaff(actor);
            return Page.slice(tickets.search(criteria.get(), after, size + 1), size, t -> TicketViews.of(t, staff),
                    t -> new EntryPosition(t.snapshot().createdAt(), t.id().value()).toCursor(scope));
        });
    }
}
