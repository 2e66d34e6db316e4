package org.crmkit.core.quote.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.StaffId;

/**
 * A quote as hosts see it.
 *
 * @param id          the quote
 * @param version     the version to pass as {@code expectedVersion}
 * @param customer    the customer it is for
 * @param currency    the ISO 4217 code of its prices
 * @param status      where it is in its life
 * @param lines       the lines, by number; priced once answered
 * @param total       the sum of the priced lines, or {@code null} before the answer
 * @param message     what the requester wrote, or {@code null}
 * @param requestedAt when it was requested
 * @param answeredAt  when it was last answered, or {@code null}
 * @param answeredBy  the staff user who last answered, or {@code null}
 * @param validUntil  until when (exclusive) it may be accepted, or {@code null}
 * @param terms       the terms of the answer, or {@code null}
 * @param closedAt    when it was accepted, rejected or expired, or {@code null}
 * @param purchase    the purchase its acceptance recorded, or {@code null}
 * @param rejection   the reason given for a rejection, or {@code null}
 */
public record QuoteView(QuoteId id, long version, CustomerId customer, String currency, QuoteStatus status,
                        List<QuoteLine> lines, Money total, String message, Instant requestedAt, Instant answeredAt,
                        StaffId answeredBy, Instant validUntil, String terms, Instant closedAt, PurchaseId purchase,
                        String rejection) {
    /** Copies the lines. */
    public QuoteView {
        lines = List.copyOf(lines);
    }
}
