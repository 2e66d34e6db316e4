package org.crmkit.core.ticket.internal.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.internal.port.TicketDirectory;
import org.crmkit.core.ticket.internal.store.TicketStore;
import org.crmkit.core.ticket.port.out.TicketCriteria;

/**
 * The ticket directory: the reads the ticket search runs, without its caller's access check (the calling area checked
 * its own caller), in the caller's transaction (joined) or a read-only one of its own.
 */
final class TicketDirectoryReads implements TicketDirectory {
    private static final int PAGE = 100;

    private final UseCaseSupport support;
    private final TicketStore tickets;

    TicketDirectoryReads(UseCaseSupport support, TicketStore tickets) {
        this.support = support;
        this.tickets = tickets;
    }

    @Override
    public List<TicketId> ticketsOf(CustomerId customer) {
        TicketCriteria criteria = new TicketCriteria(Set.of(), null, null, null, customer, null, null, null, null,
                null, null, null, null);
        return support.transaction(() -> {
            List<TicketId> ids = new ArrayList<>();
            EntryPosition after = null;
            List<Ticket> page;
            do {
                page = tickets.search(criteria, after, PAGE);
                page.forEach(t -> ids.add(t.id()));
                Ticket last = page.isEmpty() ? null : page.get(page.size() - 1);
                after = last == null ? null : new EntryPosition(last.snapshot().createdAt(), last.id().value());
            } while (page.size() == PAGE);
            return ids;
        });
    }
}
