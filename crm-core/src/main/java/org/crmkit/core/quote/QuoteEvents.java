package org.crmkit.core.quote;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.quote.QuoteId;

/** The events of the quote area: ids and times only. */
public final class QuoteEvents {
    private QuoteEvents() {
    }

    /** @param quoteId the quote @param customerId its customer @param occurredAt when */
    public record QuoteRequested(QuoteId quoteId, CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param quoteId    the quote
     * @param customerId its customer
     * @param validUntil until when it may be accepted
     * @param revision   whether it revised an earlier answer
     * @param occurredAt when
     */
    public record QuoteAnswered(QuoteId quoteId, CustomerId customerId, Instant validUntil, boolean revision,
                                Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param quoteId    the quote
     * @param customerId its customer
     * @param purchaseId the purchase the acceptance recorded
     * @param occurredAt when
     */
    public record QuoteAccepted(QuoteId quoteId, CustomerId customerId, PurchaseId purchaseId, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param quoteId the quote @param customerId its customer @param occurredAt when */
    public record QuoteRejected(QuoteId quoteId, CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /** @param quoteId the quote @param customerId its customer @param occurredAt when */
    public record QuoteExpired(QuoteId quoteId, CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }
}
