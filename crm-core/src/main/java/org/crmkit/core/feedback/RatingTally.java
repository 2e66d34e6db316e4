package org.crmkit.core.feedback;

/**
 * How many feedbacks gave one rating, as a storage's {@code GROUP BY rating} counts them.
 *
 * @param rating     1 to 5
 * @param count      how many gave it
 * @param unanswered how many of those wait for a response (neither answered nor erased)
 */
public record RatingTally(int rating, long count, long unanswered) {
    /** Checks the counts. */
    public RatingTally {
        RatingSummary.checkRating(rating);
        if (count < 0 || unanswered < 0 || unanswered > count) {
            throw new IllegalArgumentException("counts must satisfy 0 <= unanswered <= count");
        }
    }
}
