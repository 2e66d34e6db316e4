package org.crmkit.core.feedback.port.in;

import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.Page;

/**
 * Customers' feedback on the products they bought, and staff's responses ({@code crm.feedback()}). A customer gives
 * and reads their own feedback ({@code FEEDBACK_GIVE}, {@code FEEDBACK_VIEW}); support staff and CRM managers may
 * record it on a customer's behalf and answer it ({@code FEEDBACK_ANSWER}); the unanswered queue is for CRM and
 * support managers ({@code FEEDBACK_QUEUE}); per-product lists ({@code FEEDBACK_PRODUCT_VIEW}) and statistics
 * ({@code FEEDBACK_STATISTICS}) for the staff docs/authorization.md names.
 */
public interface ProductFeedback {

    /**
     * Rates a product of one of the customer's purchases. Refused with {@code not_found} for a purchase that does not
     * exist or is not the customer's (a customer learns nothing about other people's purchases), with
     * {@code product_not_in_purchase} when the purchase does not hold the product, with {@code customer_erased} for an
     * erased customer, and with {@code duplicate} on {@code productId} when the product of that purchase was rated
     * already. A line returned in full may still be rated (why it went back is feedback worth having).
     *
     * <p>Retry: a retry of a stored feedback creates no second one: it is refused as {@code duplicate} on
     * {@code productId} (one feedback per purchase and product), without the first one's id; find it in the customer's
     * {@link #history}.
     *
     * @param actor   the customer, or staff recording it on their behalf
     * @param command the feedback
     * @return the feedback
     */
    FeedbackView give(Actor actor, GiveFeedbackCommand command);

    /**
     * Answers a feedback, once ({@code feedback_answered} after that; {@code stale_version} when another answer won
     * meanwhile). The response keeps who answered and when.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code feedback_answered}. Either way the response
     * is stored once.
     *
     * @param actor   staff allowed to answer
     * @param command the response
     * @return the feedback with its response
     */
    FeedbackView answer(Actor actor, AnswerFeedbackCommand command);

    /**
     * Reads a feedback.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param feedbackId the feedback
     * @return it with its response, if it exists
     */
    Optional<FeedbackView> findById(Actor actor, FeedbackId feedbackId);

    /**
     * A customer's feedback.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the customer and page
     * @return their feedback, newest first
     */
    Page<FeedbackView> history(Actor actor, CustomerFeedbackQuery query);

    /**
     * A product's feedback for the staff who act on it, who need not be allowed to see customers: without customer,
     * purchase or staff ids.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the product and page
     * @return its feedback, newest first
     */
    Page<ProductFeedbackEntry> forProduct(Actor actor, ProductFeedbackQuery query);

    /**
     * The feedback waiting for a response.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the page
     * @return feedback waiting for a response, oldest first
     */
    Page<FeedbackView> unanswered(Actor actor, UnansweredFeedbackQuery query);

    /**
     * A product's rating statistics over an optional period.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query the product and the period
     * @return how many rated it, the average, the distribution and how many wait for a response
     */
    FeedbackStatistics statistics(Actor actor, FeedbackStatisticsQuery query);
}
