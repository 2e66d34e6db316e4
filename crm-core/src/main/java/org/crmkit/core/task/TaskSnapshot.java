package org.crmkit.core.task;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;

/**
 * A task's stored state.
 *
 * @param id                the task
 * @param version           the stored version (optimistic locking)
 * @param title             what to do, 1 to 200 characters
 * @param description       details, or {@code null}
 * @param dueAt             when it is due
 * @param priority          how urgent it is
 * @param status            where it is in its life cycle
 * @param assignee          the staff user who is to do it
 * @param department        the assignee's department when it was assigned, or {@code null}: whose team's task it is
 * @param createdBy         the staff user who created it, or {@code null} when the system did
 * @param link              what it is about, or {@code null}
 * @param remindAt          when to remind the assignee, or {@code null} for no reminder
 * @param reminderSentAt    when the reminder went out, or {@code null}
 * @param reminderAttempts  how many times handing the reminder to the notifier failed
 * @param reminderLastError the last failure's error code (no message, no personal data), or {@code null}
 * @param createdAt         when it was created
 * @param updatedAt         when it last changed
 * @param closedAt          when it was completed or cancelled, or {@code null} while open
 */
public record TaskSnapshot(TaskId id, long version, String title, String description, Instant dueAt,
                           TaskPriority priority, TaskStatus status, StaffId assignee, DepartmentId department,
                           StaffId createdBy, TaskLink link, Instant remindAt, Instant reminderSentAt,
                           int reminderAttempts, String reminderLastError, Instant createdAt, Instant updatedAt,
                           Instant closedAt) {
    /** Failed notifier calls after which a reminder is given up. */
    public static final int MAX_REMINDER_ATTEMPTS = 10;

    /** Checks the required parts. */
    public TaskSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(dueAt, "dueAt");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(assignee, "assignee");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * @return when the reminder is due to go out, or {@code null} when there is none to send: no reminder, already
     *         sent, given up after {@link TaskSnapshot#MAX_REMINDER_ATTEMPTS} failures, or the task is closed
     */
    public Instant pendingReminderAt() {
        return remindAt != null && reminderSentAt == null && reminderAttempts < TaskSnapshot.MAX_REMINDER_ATTEMPTS
                && status.isOpen() ? remindAt : null;
    }

    /** @param now the current time @return whether the task is open and past its due time */
    public boolean isOverdue(Instant now) {
        return status.isOpen() && dueAt.isBefore(now);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public TaskSnapshot withVersion(long newVersion) {
        return new TaskSnapshot(id, newVersion, title, description, dueAt, priority, status, assignee, department,
                createdBy, link, remindAt, reminderSentAt, reminderAttempts, reminderLastError, createdAt, updatedAt,
                closedAt);
    }
}
