package org.crmkit.core.sales;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.CustomerId;

/**
 * A purchase's stored state.
 *
 * @param id                the purchase
 * @param version           the stored version (optimistic locking)
 * @param customer          the customer, or {@code null} for an anonymous sale
 * @param occurredAt        when it was made
 * @param channel           where
 * @param source            the system the external reference belongs to, such as {@code "webshop"}
 * @param externalReference the order reference in that system, unique per source
 * @param currency          the one currency of every line
 * @param lines             the lines, by number
 * @param returns           the returns made against it, oldest first
 * @param recordedAt        when crmkit recorded it
 */
public record PurchaseSnapshot(PurchaseId id, long version, CustomerId customer, Instant occurredAt,
                               SalesChannel channel, String source, String externalReference, Currency currency,
                               List<PurchaseLine> lines, List<PurchaseReturn> returns, Instant recordedAt) {
    /** Checks the required parts and copies the lists. */
    public PurchaseSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(externalReference, "externalReference");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(recordedAt, "recordedAt");
        lines = List.copyOf(lines);
        returns = List.copyOf(returns);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public PurchaseSnapshot withVersion(long newVersion) {
        return new PurchaseSnapshot(id, newVersion, customer, occurredAt, channel, source, externalReference,
                currency, lines, returns, recordedAt);
    }
}
