package org.crmkit.persistence.mybatis.internal.loyalty;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_loyalty_entry}, as inserted and read; its kind is the name of an {@code EntryKind}. */
record EntryRow(UUID id, UUID customerId, long position, String kind, long points, long shortfallChange, long earned,
                long balanceAfter, Instant occurredAt, String reference, String description, Instant earnedAt) {
}
