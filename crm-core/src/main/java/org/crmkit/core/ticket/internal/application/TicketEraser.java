package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.out.TicketCriteria;

/**
 * The ticket area's part in a customer's erasure, inside its transaction: the texts of every ticket of the customer
 * (subject, description, comments) are erased; the tickets stay, with their status, history and SLA figures, so
 * support reports keep counting them.
 */
final class TicketEraser implements PersonalDataEraser {
    private static final int PAGE = 100;
    private final TicketStore tickets;

    TicketEraser(TicketStore tickets) {
        this.tickets = tickets;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        TicketCriteria criteria = new TicketCriteria(Set.of(), null, null, null, customer, null, null, null, null,
                null, null, null, null);
        EntryPosition after = null;
        List<Ticket> page;
        do {
            page = tickets.search(criteria, after, PAGE);
            for (Ticket t : page) {
                t.erasePersonalData(at);
                tickets.updateErased(t);
            }
            Ticket last = page.isEmpty() ? null : page.get(page.size() - 1);
            after = last == null ? null : new EntryPosition(last.snapshot().createdAt(), last.id().value());
        } while (page.size() == PAGE);
    }
}
