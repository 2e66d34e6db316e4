package org.crmkit.persistence.mybatis.internal.task;

import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.TaskStatus;

/** The explicit mapping between a task snapshot and its row; no reflection on domain objects. */
final class TaskRows {
    private TaskRows() {
    }

    static TaskRow toRow(TaskSnapshot s) {
        return new TaskRow(s.id().value(), s.version(), s.title(), s.description(), s.dueAt(), s.priority().name(),
                s.status().name(), s.assignee().value(), s.department() == null ? null : s.department().value(),
                s.createdBy() == null ? null : s.createdBy().value(),
                s.link() == null ? null : s.link().kind().name(), s.link() == null ? null : s.link().id(),
                s.remindAt(), s.reminderSentAt(), s.reminderAttempts(), s.reminderLastError(), s.pendingReminderAt(),
                s.createdAt(), s.updatedAt(), s.closedAt());
    }

    static TaskSnapshot toSnapshot(TaskRow r) {
        return new TaskSnapshot(new TaskId(r.id()), r.version(), r.title(), r.description(), r.dueAt(),
                TaskPriority.valueOf(r.priority()), TaskStatus.valueOf(r.status()), new StaffId(r.assigneeId()),
                r.departmentId() == null ? null : new DepartmentId(r.departmentId()),
                r.createdBy() == null ? null : new StaffId(r.createdBy()),
                r.linkKind() == null ? null : new TaskLink(TaskLinkKind.valueOf(r.linkKind()), r.linkId()),
                r.remindAt(), r.reminderSentAt(), r.reminderAttempts(), r.reminderLastError(), r.createdAt(),
                r.updatedAt(), r.closedAt());
    }
}
