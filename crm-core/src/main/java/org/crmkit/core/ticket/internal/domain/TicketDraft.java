package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketPriority;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.ticket.TicketId;

/**
 * What a new ticket is about, checked by the use case before it becomes a {@link Ticket}.
 *
 * @param customer      whose ticket
 * @param subject       the subject, stripped, 1 to 200 characters
 * @param description   the description, stripped, 1 to 10,000 characters
 * @param category      the category, stripped, or {@code null}
 * @param priority      the priority
 * @param channel       where it came in
 * @param purchase      the customer's purchase it is about, or {@code null}
 * @param product       a product the customer bought, or {@code null}
 * @param relatedTicket a closed ticket of the customer it follows up, or {@code null}
 */
public record TicketDraft(CustomerId customer, String subject, String description, String category,
                          TicketPriority priority, TicketChannel channel, PurchaseId purchase, ProductId product,
                          TicketId relatedTicket) {
    /** Checks presence. */
    public TicketDraft {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(channel, "channel");
    }
}
