package org.crmkit.persistence.mybatis.internal.task;

import java.time.Instant;
import java.util.UUID;

/** A pending reminder's place in the reminder order: {@code reminder_pending_at} and the task's id. */
record ReminderRow(Instant pendingAt, UUID id) {
}
