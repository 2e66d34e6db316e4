package org.crmkit.core.feedback.port.in;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.feedback.RatingSummary;
import org.crmkit.core.product.ProductId;

/**
 * A product's feedback figures over a period.
 *
 * @param productId    the product
 * @param from         the period's inclusive start, or {@code null}
 * @param before       the period's exclusive end, or {@code null}
 * @param count        how many feedbacks were given
 * @param average      the mean rating, rounded half up to two decimals; empty when there is no feedback
 * @param distribution how many gave 1, 2, 3, 4 and 5 stars (five counts, in that order)
 * @param unanswered   how many of them wait for a response (an erased customer's feedback waits for nobody)
 */
public record FeedbackStatistics(ProductId productId, Instant from, Instant before, long count,
                                 Optional<BigDecimal> average, List<Long> distribution, long unanswered) {
    /** Copies the distribution. */
    public FeedbackStatistics {
        distribution = List.copyOf(distribution);
    }

    /**
     * @param productId the product
     * @param from      the period's start, or {@code null}
     * @param before    the period's end, or {@code null}
     * @param summary   the figures
     * @return the statistics
     */
    public static FeedbackStatistics of(ProductId productId, Instant from, Instant before, RatingSummary summary) {
        return new FeedbackStatistics(productId, from, before, summary.count(), summary.average(),
                summary.distribution(), summary.unanswered());
    }

    /** @param rating 1 to 5 @return how many gave that rating */
    public long countOf(int rating) {
        return distribution.get(rating - 1);
    }
}
