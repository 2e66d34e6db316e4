package org.crmkit.core.feedback.internal.domain;

import org.crmkit.core.feedback.FeedbackError;
import org.crmkit.core.customer.CustomerError;
import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.RatingSummary;
import org.crmkit.core.feedback.FeedbackEvents;
import org.crmkit.core.feedback.FeedbackResponse;
import java.time.Instant;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * A customer's rating (1 to 5) of a product they bought in one purchase, with an optional comment; at most one per
 * product and purchase (the repository's unique key). Staff answer it once ({@link #answer}); the response is final.
 * When the customer is erased, the comment and the response's text go and the rating stays, so the product's
 * ratings do not change (it no longer counts as waiting for a response). Never deleted.
 */
public final class Feedback extends AggregateRoot {
    static final String TYPE = "feedback";
    /** Lowest rating. */
    public static final int MIN_RATING = RatingSummary.MIN_RATING;
    /** Highest rating. */
    public static final int MAX_RATING = RatingSummary.MAX_RATING;

    private final FeedbackSnapshot given;
    private FeedbackResponse response;

    private Feedback(FeedbackSnapshot s) {
        super(TYPE, s.version());
        this.given = s;
        this.response = s.response();
    }

    /**
     * @param id       the new id
     * @param customer the customer, who bought the product in the purchase (the use case checks it)
     * @param purchase the purchase
     * @param product  the product
     * @param rating   1 to 5
     * @param comment  the comment as typed, or {@code null}
     * @param givenBy  the staff user recording it on the customer's behalf, or {@code null}
     * @param now      the current time
     * @return the new feedback, with its {@link FeedbackEvents.FeedbackGiven} event
     * @throws InvalidValueException ({@code rating}, {@code comment}) for a rating outside 1 to 5 or a bad comment
     */
    public static Feedback give(FeedbackId id, CustomerId customer, PurchaseId purchase, ProductId product, int rating,
                                String comment, StaffId givenBy, Instant now) {
        Feedback f = new Feedback(new FeedbackSnapshot(id, 0, customer, purchase, product, checkRating(rating),
                FeedbackText.optional("comment", comment), now, givenBy, null, null));
        f.record(new FeedbackEvents.FeedbackGiven(id, customer, purchase, product, rating, now));
        return f;
    }

    /** @param snapshot stored state @return the feedback */
    public static Feedback restore(FeedbackSnapshot snapshot) {
        return new Feedback(snapshot);
    }

    /**
     * @param rating a rating
     * @return it, when 1 to 5
     * @throws InvalidValueException ({@code rating}) otherwise
     */
    public static int checkRating(int rating) {
        return RatingSummary.checkRating(rating);
    }

    /**
     * Answers the feedback, once.
     *
     * @param text        the response as typed
     * @param respondedBy the staff user, or {@code null} for the host's system process
     * @param now         the current time
     * @throws InvalidValueException          ({@code text}) when blank, too long or holding control characters
     * @throws BusinessRuleViolationException {@code feedback_answered} when it was answered already,
     *                                        {@code customer_erased} when its customer was erased
     */
    public void answer(String text, StaffId respondedBy, Instant now) {
        String checked = FeedbackText.required("text", text);
        if (given.erasedAt() != null) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_ERASED,
                    "feedback " + given.id() + " belongs to an erased customer");
        }
        if (response != null) {
            throw new BusinessRuleViolationException(FeedbackError.FEEDBACK_ANSWERED,
                    "feedback " + given.id() + " was answered already; a response is final");
        }
        response = new FeedbackResponse(checked, respondedBy, now);
        record(new FeedbackEvents.FeedbackAnswered(given.id(), given.customer(), respondedBy, now));
    }

    @Override
    protected Object identity() {
        return given.id();
    }

    /** @return the id */
    public FeedbackId id() {
        return given.id();
    }

    /** @return the current state */
    public FeedbackSnapshot snapshot() {
        return new FeedbackSnapshot(given.id(), version(), given.customer(), given.purchase(), given.product(),
                given.rating(), given.comment(), given.givenAt(), given.givenBy(), response, given.erasedAt());
    }
}
