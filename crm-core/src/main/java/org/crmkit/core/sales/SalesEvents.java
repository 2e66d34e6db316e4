package org.crmkit.core.sales;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.sales.PurchaseId;

/** The events of the sales area: ids only. */
public final class SalesEvents {
    private SalesEvents() {
    }

    /** @param purchaseId the purchase @param customerId its customer, or {@code null} @param occurredAt when */
    public record PurchaseRecorded(PurchaseId purchaseId, CustomerId customerId, Instant occurredAt)
            implements org.crmkit.core.shared.DomainEvent {
    }

    /**
     * @param purchaseId the purchase
     * @param returnId   the return
     * @param occurredAt when
     */
    public record PurchaseReturned(PurchaseId purchaseId, UUID returnId, Instant occurredAt)
            implements org.crmkit.core.shared.DomainEvent {
    }
}
