package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code crm_purchase_return} left-joined with one of its lines, as the mapper reads a page's returns in
 * one statement: the line's columns are {@code null} for a return without lines (which the domain never makes).
 */
record ReturnWithLineRow(UUID id, UUID purchaseId, Instant occurredAt, BigDecimal refund, String reference,
                         Integer lineNumber, Integer quantity, BigDecimal lineRefund) {
}
