package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_purchase_return}, as inserted; the refund in the purchase's currency. */
record ReturnRow(UUID id, UUID purchaseId, Instant occurredAt, BigDecimal refund, String reference) {
}
