package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;

/** The events of the loyalty area: ids and numbers only. */
public final class LoyaltyEvents {
    private LoyaltyEvents() {
    }

    /** @param customerId whose account @param occurredAt when */
    public record AccountOpened(CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param customerId whose ledger
     * @param entryId    the entry
     * @param kind       what it records
     * @param points     the change of the balance
     * @param balance    the balance after it
     * @param occurredAt when
     */
    public record PointsPosted(CustomerId customerId, UUID entryId, EntryKind kind, long points, long balance,
                               Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param customerId whose account
     * @param from       the former tier
     * @param to         the new tier
     * @param occurredAt when
     */
    public record TierChanged(CustomerId customerId, String from, String to, Instant occurredAt)
            implements DomainEvent {
    }
}
