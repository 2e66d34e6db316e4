package org.crmkit.core.feedback.port.in;

import java.time.Instant;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;

/**
 * A feedback as the per-product list shows it ({@link ProductFeedback#forProduct}): what was said about the product
 * and what was answered, without who said it. The list is for staff who may not see customers (product managers), so
 * it carries no customer, purchase or staff ids; {@link ProductFeedback#findById} and
 * {@link ProductFeedback#history} give the full {@link FeedbackView} to those who may see the customer.
 *
 * @param id           the feedback
 * @param productId    the product
 * @param rating       1 to 5
 * @param comment      the comment, or {@code null} (none, or erased)
 * @param givenAt      when it was given
 * @param responseText the response, or {@code null} while unanswered or once erased
 * @param answeredAt   when it was answered, or {@code null} while unanswered
 * @param erased       whether the customer was erased (the texts are gone, the rating stays)
 */
public record ProductFeedbackEntry(FeedbackId id, ProductId productId, int rating, String comment, Instant givenAt,
                                   String responseText, Instant answeredAt, boolean erased) {

    /** @param view a feedback @return what the per-product list shows of it */
    public static ProductFeedbackEntry of(FeedbackView view) {
        return new ProductFeedbackEntry(view.id(), view.productId(), view.rating(), view.comment(), view.givenAt(),
                view.response() == null ? null : view.response().text(),
                view.response() == null ? null : view.response().respondedAt(), view.erased());
    }

    /** @return whether staff answered it */
    public boolean isAnswered() {
        return answeredAt != null;
    }
}
