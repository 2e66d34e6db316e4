package org.crmkit.core.ticket.internal.application;

import java.util.List;
import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.TicketComment;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.port.in.TicketView;

/** Builds TicketViews from Tickets, so the view, which is API, names no domain type. */
final class TicketViews {
    private TicketViews() {
    }

    /**
     * @param ticket  a ticket
     * @param forStaff whether the caller is staff (or the system); otherwise the customer's view
     * @return its view
     */
    static TicketView of(Ticket ticket, boolean forStaff) {
        TicketSnapshot s = ticket.snapshot();
        List<TicketComment> comments = forStaff ? s.comments()
                : s.comments().stream().filter(c -> !c.internal()).toList();
        List<HistoryEntry> history = forStaff ? s.history()
                : s.history().stream().filter(h -> h.kind() == HistoryKind.STATUS)
                .map(h -> new HistoryEntry(h.id(), h.kind(), h.from(), h.to(), h.at(), h.byType(), h.byRef(), null))
                .toList();
        return new TicketView(s.id(), s.version(), s.customer(), s.subject(), s.description(), s.category(),
                s.priority(), s.channel(), s.purchase(), s.product(), s.relatedTicket(), s.status(), s.assignee(),
                s.department(), s.firstResponseDueAt(), s.firstRespondedAt(), s.resolutionDueAt(), s.resolvedAt(),
                s.createdAt(), s.updatedAt(), comments, history);
    }
}
