package org.crmkit.core.feedback;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/** The events of the feedback area: ids and the rating only, never the texts (personal data). */
public final class FeedbackEvents {
    private FeedbackEvents() {
    }

    /**
     * A customer rated a product they bought.
     *
     * @param feedbackId the feedback
     * @param customerId the customer
     * @param purchaseId the purchase
     * @param productId  the product
     * @param rating     1 to 5
     * @param occurredAt when
     */
    public record FeedbackGiven(FeedbackId feedbackId, CustomerId customerId, PurchaseId purchaseId,
                                ProductId productId, int rating, Instant occurredAt) implements DomainEvent {
    }

    /**
     * Staff answered a feedback.
     *
     * @param feedbackId  the feedback
     * @param customerId  the customer who gave it (a host may notify them)
     * @param respondedBy the staff user, or {@code null} for the host's system process
     * @param occurredAt  when
     */
    public record FeedbackAnswered(FeedbackId feedbackId, CustomerId customerId, StaffId respondedBy,
                                   Instant occurredAt) implements DomainEvent {
    }
}
