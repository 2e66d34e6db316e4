package org.crmkit.core.feedback.port.in;

import java.time.Instant;
import org.crmkit.core.feedback.FeedbackResponse;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * A feedback as hosts see it, with its response.
 *
 * @param id         the feedback
 * @param version    the version to pass as {@code expectedVersion}
 * @param customerId the customer
 * @param purchaseId the purchase
 * @param productId  the product
 * @param rating     1 to 5
 * @param comment    the comment, or {@code null} (none, or erased)
 * @param givenAt    when it was given
 * @param givenBy    the staff user who recorded it for the customer, or {@code null}
 * @param response   the response, or {@code null} while unanswered
 * @param erased     whether the customer was erased (the texts are gone, the rating stays)
 */
public record FeedbackView(FeedbackId id, long version, CustomerId customerId, PurchaseId purchaseId,
                           ProductId productId, int rating, String comment, Instant givenAt, StaffId givenBy,
                           FeedbackResponse response, boolean erased) {

    /** @return whether staff answered it */
    public boolean isAnswered() {
        return response != null;
    }
}
