package org.crmkit.persistence.mybatis.internal.audit;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_audit_entry}. */
record AuditRow(UUID id, Instant at, String actorType, String actorRef, String action, String targetType,
                UUID targetId, String outcome) {
}
