package org.crmkit.persistence.mybatis.internal.loyalty;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_loyalty_account}, flat, as the mapper reads and writes it. */
record AccountRow(UUID customerId, long version, Instant openedAt, long balance, long lifetimeEarned,
                  long lifetimeRedeemed, Instant lastRedemptionAt, long shortfall, String tier, long earnedInWindow,
                  Instant tierEvaluatedAt, long lastPosition) {
}
