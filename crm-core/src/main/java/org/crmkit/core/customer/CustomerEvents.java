package org.crmkit.core.customer;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.StaffId;

/** The events of the customer aggregate. Each carries ids only. */
public final class CustomerEvents {
    private CustomerEvents() {
    }

    /** @param customerId the new customer @param occurredAt when */
    public record CustomerRegistered(CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /** @param customerId the customer @param occurredAt when */
    public record CustomerContactChanged(CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /** @param customerId the customer @param status the new status @param occurredAt when */
    public record CustomerStatusChanged(CustomerId customerId, CustomerStatus status, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param customerId the customer @param manager the new account manager @param occurredAt when */
    public record AccountManagerAssigned(CustomerId customerId, StaffId manager, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param customerId the customer @param given consent now @param occurredAt when */
    public record MarketingConsentChanged(CustomerId customerId, boolean given, Instant occurredAt)
            implements DomainEvent {
    }

    /** @param customerId the customer @param occurredAt when */
    public record CustomerTagsChanged(CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }

    /** @param customerId the erased customer @param occurredAt when */
    public record CustomerErased(CustomerId customerId, Instant occurredAt) implements DomainEvent {
    }
}
