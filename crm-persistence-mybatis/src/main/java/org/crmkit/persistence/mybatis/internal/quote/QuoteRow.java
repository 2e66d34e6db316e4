package org.crmkit.persistence.mybatis.internal.quote;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_quote}, flat, as the mapper reads and writes it; its currency is every price's. */
record QuoteRow(UUID id, long version, UUID customerId, String currency, String message, String status,
                Instant requestedAt, Instant answeredAt, UUID answeredBy, Instant validUntil, String terms,
                Instant closedAt, UUID purchaseId, String rejection) {
}
