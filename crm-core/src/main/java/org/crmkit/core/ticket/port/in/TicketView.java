package org.crmkit.core.ticket.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.domain.Ticket;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketComment;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketSnapshot;
import org.crmkit.core.ticket.TicketStatus;

/**
 * A ticket as its caller may see it. Staff see every comment and the whole history; the customer's view holds only
 * public comments and the status history (no internal comment, no assignment or escalation reasons).
 *
 * @param id                 the ticket
 * @param version            the version to pass as {@code expectedVersion}
 * @param customerId         whose ticket
 * @param subject            the subject
 * @param description        the description
 * @param category           the category, or {@code null}
 * @param priority           the priority
 * @param channel            where it came in
 * @param purchaseId         the purchase it is about, or {@code null}
 * @param productId          the product it is about, or {@code null}
 * @param relatedTicketId    the closed ticket it follows up, or {@code null}
 * @param status             the status
 * @param assignee           the agent, or {@code null}
 * @param departmentId       the department queue, or {@code null}
 * @param firstResponseDueAt when the first response is due, or {@code null} while its clock stands short of it
 * @param firstRespondedAt   when staff first answered, or {@code null}
 * @param resolutionDueAt    when the resolution is due, or {@code null} while its clock stands short of it
 * @param resolvedAt         when it was resolved, or {@code null}
 * @param createdAt          when it was submitted
 * @param updatedAt          when it last changed
 * @param comments           the comments the caller may see, oldest first
 * @param history            the history the caller may see, oldest first
 */
public record TicketView(TicketId id, long version, CustomerId customerId, String subject, String description,
                         String category, TicketPriority priority, TicketChannel channel, PurchaseId purchaseId,
                         ProductId productId, TicketId relatedTicketId, TicketStatus status, StaffId assignee,
                         DepartmentId departmentId, Instant firstResponseDueAt, Instant firstRespondedAt,
                         Instant resolutionDueAt, Instant resolvedAt, Instant createdAt, Instant updatedAt,
                         List<TicketComment> comments, List<HistoryEntry> history) {
    /** Copies the lists. */
    public TicketView {
        comments = List.copyOf(comments);
        history = List.copyOf(history);
    }

    /**
     * @param ticket  a ticket
     * @param forStaff whether the caller is staff (or the system); otherwise the customer's view
     * @return its view
     */
    public static TicketView of(Ticket ticket, boolean forStaff) {
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
