package org.crmkit.core.quote;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;

/**
 * A quote's stored state.
 *
 * @param id          the quote
 * @param version     the stored version (optimistic locking)
 * @param customer    the customer it is for
 * @param currency    the one currency of every price
 * @param message     what the requester wrote, or {@code null}
 * @param lines       the lines, by number; priced once answered
 * @param status      where it is in its life
 * @param requestedAt when it was requested
 * @param answeredAt  when it was last answered, or {@code null}
 * @param answeredBy  the staff user who last answered it, or {@code null} (not answered, or answered by the system)
 * @param validUntil  until when (exclusive) it may be accepted, or {@code null} before the answer
 * @param terms       the terms of the answer, or {@code null}
 * @param closedAt    when it was accepted, rejected or expired, or {@code null}
 * @param purchase    the purchase its acceptance recorded, or {@code null}
 * @param rejection   the reason the customer gave for a rejection, or {@code null}
 */
public record QuoteSnapshot(QuoteId id, long version, CustomerId customer, Currency currency, String message,
                            List<QuoteLine> lines, QuoteStatus status, Instant requestedAt, Instant answeredAt,
                            StaffId answeredBy, Instant validUntil, String terms, Instant closedAt,
                            PurchaseId purchase, String rejection) {
    /** Most lines of one quote. */
    public static final int MAX_LINES = 100;
    /** Most characters (code points) of the requester's message. */
    public static final int MAX_MESSAGE = 2000;
    /** Most characters (code points) of the answer's terms. */
    public static final int MAX_TERMS = 4000;
    /** Most characters (code points) of a rejection's reason. */
    public static final int MAX_REASON = 500;

    /** Checks the required parts and copies the lines. */
    public QuoteSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        lines = List.copyOf(lines);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public QuoteSnapshot withVersion(long newVersion) {
        return new QuoteSnapshot(id, newVersion, customer, currency, message, lines, status, requestedAt, answeredAt,
                answeredBy, validUntil, terms, closedAt, purchase, rejection);
    }
}
