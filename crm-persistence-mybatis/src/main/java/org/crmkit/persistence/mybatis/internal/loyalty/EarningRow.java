package org.crmkit.persistence.mybatis.internal.loyalty;

import java.time.Instant;
import java.util.UUID;

/** What one customer's entries with one earning time earned together. */
record EarningRow(UUID customerId, Instant earnedAt, long earned) {
}
