package org.crmkit.core.feedback.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import org.crmkit.core.product.ProductId;

/**
 * A product's feedback statistics, over all time or the feedback given in a period.
 *
 * @param productId the product
 * @param from      given at or after, or {@code null} for no lower bound
 * @param before    given before, or {@code null} for no upper bound; after {@code from}
 */
public record FeedbackStatisticsQuery(@NotNull ProductId productId, Instant from, Instant before) {

    /** @param productId the product @return the query over all time */
    public static FeedbackStatisticsQuery allTime(ProductId productId) {
        return new FeedbackStatisticsQuery(productId, null, null);
    }
}
