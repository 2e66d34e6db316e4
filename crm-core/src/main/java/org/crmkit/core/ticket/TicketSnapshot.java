package org.crmkit.core.ticket;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * A ticket's stored state, as adapters write and read it.
 *
 * @param id                 the ticket
 * @param version            the stored version
 * @param customer           whose ticket it is
 * @param subject            the subject
 * @param description        the description
 * @param category           the category, or {@code null}
 * @param priority           the priority
 * @param channel            where it came in
 * @param purchase           the purchase it is about, or {@code null}
 * @param product            the product it is about, or {@code null}
 * @param relatedTicket      the closed ticket it follows up, or {@code null}
 * @param status             the status
 * @param assignee           the agent working on it, or {@code null}
 * @param department         the department queue it is in, or {@code null}
 * @param targets            the SLA targets copied from the policy
 * @param firstResponseDueAt when the first response is due; {@code null} while the clock stands short of it
 * @param firstRespondedAt   when staff first answered publicly (or resolved it), or {@code null}
 * @param resolutionDueAt    when the resolution is due; {@code null} while the clock stands short of it
 * @param resolvedAt         when it was last resolved, or {@code null} while it is not resolved
 * @param createdAt          when it was submitted
 * @param updatedAt          when it last changed
 * @param comments           its comments, oldest first
 * @param history            its history, oldest first; the first entry is the submission
 */
public record TicketSnapshot(TicketId id, long version, CustomerId customer, String subject, String description,
                             String category, TicketPriority priority, TicketChannel channel, PurchaseId purchase,
                             ProductId product, TicketId relatedTicket, TicketStatus status, StaffId assignee,
                             DepartmentId department, SlaTargets targets, Instant firstResponseDueAt,
                             Instant firstRespondedAt, Instant resolutionDueAt, Instant resolvedAt,
                             Instant createdAt, Instant updatedAt, List<TicketComment> comments,
                             List<HistoryEntry> history) {
    /** Copies the lists. */
    public TicketSnapshot {
        comments = List.copyOf(comments);
        history = List.copyOf(history);
    }

    /** @param next a version @return this state at that version */
    public TicketSnapshot withVersion(long next) {
        return new TicketSnapshot(id, next, customer, subject, description, category, priority, channel, purchase,
                product, relatedTicket, status, assignee, department, targets, firstResponseDueAt, firstRespondedAt,
                resolutionDueAt, resolvedAt, createdAt, updatedAt, comments, history);
    }
}
