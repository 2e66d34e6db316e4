package org.crmkit.persistence.mybatis.internal.sales;

import java.time.Instant;
import java.util.UUID;

/** One query of purchases holding a product: a customer's, made at or before a time. */
record HoldingParams(UUID customerId, UUID productId, Instant before) {
}
