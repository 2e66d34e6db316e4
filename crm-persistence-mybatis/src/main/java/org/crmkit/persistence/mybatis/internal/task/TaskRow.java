package org.crmkit.persistence.mybatis.internal.task;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_task}, flat, as the mapper reads and writes it. */
record TaskRow(UUID id, long version, String title, String description, Instant dueAt, String priority, String status,
               UUID assigneeId, UUID departmentId, UUID createdBy, String linkKind, UUID linkId, Instant remindAt,
               Instant reminderSentAt, int reminderAttempts, String reminderLastError, Instant reminderPendingAt,
               Instant createdAt, Instant updatedAt, Instant closedAt) {
}
