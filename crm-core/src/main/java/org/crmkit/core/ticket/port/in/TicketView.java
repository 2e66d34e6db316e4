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
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketComment;
import org.crmkit.core.ticket.TicketPriority;
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
}
