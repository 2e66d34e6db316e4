package org.crmkit.core.task.port.in;

import java.time.Instant;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;

/**
 * A task as hosts see it.
 *
 * @param id               the task
 * @param version          the version to pass as {@code expectedVersion}
 * @param title            what to do
 * @param description      details, or {@code null}
 * @param dueAt            when it is due
 * @param priority         how urgent
 * @param status           where it is in its life cycle
 * @param assigneeId       who is to do it
 * @param departmentId     the assignee's department when assigned, or {@code null}
 * @param createdBy        the staff user who created it, or {@code null} for the system
 * @param link             what it is about, or {@code null}
 * @param reminderAt       when the assignee is reminded, or {@code null}
 * @param reminderSentAt   when the reminder went out, or {@code null}
 * @param reminderAttempts failed attempts to hand the reminder over
 * @param reminderLastError the last failure's error code or exception type, or {@code null}
 * @param createdAt        when it was created
 * @param updatedAt        when it last changed
 * @param closedAt         when it was completed or cancelled, or {@code null}
 */
public record TaskView(TaskId id, long version, String title, String description, Instant dueAt,
                       TaskPriority priority, TaskStatus status, StaffId assigneeId, DepartmentId departmentId,
                       StaffId createdBy, TaskLinkData link, Instant reminderAt, Instant reminderSentAt,
                       int reminderAttempts, String reminderLastError, Instant createdAt, Instant updatedAt, Instant closedAt) {

    /** @param s stored state @return its view */
    public static TaskView of(TaskSnapshot s) {
        return new TaskView(s.id(), s.version(), s.title(), s.description(), s.dueAt(), s.priority(), s.status(),
                s.assignee(), s.department(), s.createdBy(), TaskLinkData.of(s.link()), s.remindAt(),
                s.reminderSentAt(), s.reminderAttempts(), s.reminderLastError(), s.createdAt(), s.updatedAt(), s.closedAt());
    }
}
