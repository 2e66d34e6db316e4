package org.crmkit.persistence.mybatis.internal.lead;

import java.time.Instant;
import java.util.UUID;

/** An owner and the latest time a lead of theirs was assigned to them. */
record AssignmentRow(UUID ownerId, Instant assignedAt) {
}
