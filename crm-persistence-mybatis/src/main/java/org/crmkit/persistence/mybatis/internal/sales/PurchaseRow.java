package org.crmkit.persistence.mybatis.internal.sales;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_purchase}, flat, as the mapper reads and writes it; its currency is every amount's. */
record PurchaseRow(UUID id, long version, UUID customerId, Instant occurredAt, String channel, String source,
                   String externalReference, String currency, Instant recordedAt) {
}
