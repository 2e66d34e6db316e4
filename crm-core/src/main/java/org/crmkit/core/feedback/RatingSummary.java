package org.crmkit.core.feedback;

import org.crmkit.core.shared.InvalidValueException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A product's ratings summed up from their {@link RatingTally tallies}: how many, the average, how many per rating
 * and how many unanswered. The average is the exact mean rounded half up to two decimals (4.125 becomes 4.13, 4.124
 * becomes 4.12), computed here from the counts, so every adapter reports the same figure.
 *
 * @param count        how many feedbacks
 * @param average      the mean rating to two decimals, empty when there is none
 * @param distribution how many gave 1, 2, 3, 4 and 5 (five counts, in that order)
 * @param unanswered   how many wait for a response (neither answered nor erased)
 */
public record RatingSummary(long count, Optional<BigDecimal> average, List<Long> distribution, long unanswered) {
    /** The lowest rating a customer gives. */
    public static final int MIN_RATING = 1;
    /** The highest rating a customer gives. */
    public static final int MAX_RATING = 5;

    /**
     * @param rating a rating
     * @return the rating, when it is {@link #MIN_RATING} to {@link #MAX_RATING}
     * @throws InvalidValueException ({@code rating}) otherwise
     */
    public static int checkRating(int rating) {
        if (rating < MIN_RATING || rating > MAX_RATING) {
            throw new InvalidValueException("rating", "must be " + MIN_RATING + " to " + MAX_RATING);
        }
        return rating;
    }

    /** Decimals of the average. */
    public static final int AVERAGE_SCALE = 2;

    /** Copies the distribution. */
    public RatingSummary {
        distribution = List.copyOf(distribution);
    }

    /**
     * @param tallies counts per rating, each rating at most once, in any order; missing ratings count zero
     * @return the summary
     */
    public static RatingSummary of(List<RatingTally> tallies) {
        List<Long> perRating = new ArrayList<>(Collections.nCopies(MAX_RATING, 0L));
        long count = 0;
        long sum = 0;
        long unanswered = 0;
        for (RatingTally t : tallies) {
            if (perRating.get(t.rating() - 1) != 0L) {
                throw new IllegalArgumentException("rating " + t.rating() + " tallied twice");
            }
            perRating.set(t.rating() - 1, t.count());
            count += t.count();
            sum += t.count() * t.rating();
            unanswered += t.unanswered();
        }
        Optional<BigDecimal> average = count == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), AVERAGE_SCALE,
                        RoundingMode.HALF_UP));
        return new RatingSummary(count, average, perRating, unanswered);
    }
}
