package org.crmkit.persistence.mybatis.internal.quote;

import java.time.Instant;
import java.util.UUID;

/** A quoted offer the expiry batch reads: its id and the end of its validity. */
record DueRow(UUID id, Instant validUntil) {
}
