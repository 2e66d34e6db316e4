package org.crmkit.persistence.mybatis.internal.loyalty;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_loyalty_lot} (without its generated columns). */
record LotRow(UUID id, UUID customerId, UUID entryId, Instant earnedAt, Instant expiresAt, long points,
              long remaining) {
}
