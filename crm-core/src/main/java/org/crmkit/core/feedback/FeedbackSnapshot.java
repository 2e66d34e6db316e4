package org.crmkit.core.feedback;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * A feedback's stored state.
 *
 * @param id        the feedback
 * @param version   the stored version (optimistic locking)
 * @param customer  the customer who bought and rated
 * @param purchase  the purchase the product was bought in
 * @param product   the product rated
 * @param rating    1 to 5
 * @param comment   the comment, or {@code null} (none given, or erased)
 * @param givenAt   when it was given
 * @param givenBy   the staff user who recorded it on the customer's behalf, or {@code null} when the customer (or the
 *                  host's system process) gave it
 * @param response  staff's response, or {@code null} while unanswered
 * @param erasedAt  when the customer's personal data was erased from it, or {@code null}
 */
public record FeedbackSnapshot(FeedbackId id, long version, CustomerId customer, PurchaseId purchase,
                               ProductId product, int rating, String comment, Instant givenAt, StaffId givenBy,
                               FeedbackResponse response, Instant erasedAt) {
    /** Checks the required parts. */
    public FeedbackSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(purchase, "purchase");
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(givenAt, "givenAt");
    }

    /** @param newVersion the version to carry @return this state at another version */
    public FeedbackSnapshot withVersion(long newVersion) {
        return new FeedbackSnapshot(id, newVersion, customer, purchase, product, rating, comment, givenAt, givenBy,
                response, erasedAt);
    }

    /**
     * @param at when the customer was erased
     * @return this state without the customer's words (the comment, and the response's text, which may name them);
     *         the rating stays for the statistics
     */
    public FeedbackSnapshot erased(Instant at) {
        return new FeedbackSnapshot(id, version, customer, purchase, product, rating, null, givenAt, givenBy,
                response == null ? null : response.withoutText(), at);
    }
}
