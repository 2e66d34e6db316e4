package org.crmkit.core.feedback.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.feedback.FeedbackSnapshot;

/**
 * Stores feedback. One feedback per purchase and product: a second is a conflict ({@code duplicate} on field
 * {@code productId}); {@link #update} is optimistic ({@code stale_version}). Nothing is deleted. Pages are ordered by
 * the time the feedback was given, then by id (compared as unsigned bytes, like {@code BINARY(16)}).
 */
public interface FeedbackRepository {

    /** @param feedback a new feedback */
    void add(FeedbackSnapshot feedback);

    /** @param feedback a changed feedback, stored only at the version it was loaded at */
    void update(FeedbackSnapshot feedback);

    /** @param id the feedback @return it, if stored */
    Optional<FeedbackSnapshot> findById(FeedbackId id);

    /**
     * @param customer the customer
     * @param after    where the previous page ended, or {@code null}
     * @param limit    the most to return
     * @return the customer's feedback, newest first
     */
    List<FeedbackSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit);

    /**
     * @param product the product
     * @param after   where the previous page ended, or {@code null}
     * @param limit   the most to return
     * @return the product's feedback, newest first
     */
    List<FeedbackSnapshot> findByProduct(ProductId product, EntryPosition after, int limit);

    /**
     * @param after where the previous page ended (the last item's time and id), or {@code null}
     * @param limit the most to return
     * @return feedback neither answered nor erased, <em>oldest</em> first
     */
    List<FeedbackSnapshot> findUnanswered(EntryPosition after, int limit);

    /**
     * @param product the product
     * @param from    given at or after, or {@code null}
     * @param before  given before, or {@code null}
     * @return one tally per rating given in the period (ratings nobody gave are left out), in any order; a tally's
     *         unanswered count leaves out erased customers' feedback, as {@link #findUnanswered} does
     */
    List<RatingTally> tallyRatings(ProductId product, Instant from, Instant before);

    /**
     * Blanks the customer's comments and the texts of the responses to them, keeping the ratings; each changed
     * feedback moves one version on. FeedbackSnapshot erased before is left as it is.
     *
     * @param customer the customer being erased
     * @param at       when
     * @return how many feedbacks changed
     */
    int eraseCustomer(CustomerId customer, Instant at);
}
