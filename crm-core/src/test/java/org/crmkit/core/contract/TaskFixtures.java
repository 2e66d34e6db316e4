package org.crmkit.core.contract;

import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskPriority;

/** Tasks for the contracts: built through the domain, stored straight into a persistence. */
public final class TaskFixtures {
    /** When the fixture tasks are created (microseconds, as stored). */
    public static final Instant T0 = StaffFixtures.T0;

    private TaskFixtures() {
    }

    /** @param persistence where @return a stored active staff user without department or roles */
    public static StaffId staff(AreaPorts persistence) {
        return StaffFixtures.storedStaffUser(persistence).id();
    }

    /** @param persistence where @param department their department @return a stored staff user in it */
    public static StaffId staff(AreaPorts persistence, DepartmentId department) {
        StaffUser user = StaffFixtures.staffUser("Tess", "Tasker", department, Set.of());
        return StaffFixtures.storedStaffUser(persistence, user).id();
    }

    /**
     * @param assignee   who
     * @param department whose team's, or {@code null}
     * @param createdBy  by whom, or {@code null}
     * @param dueAt      when due
     * @param link       about what, or {@code null}
     * @param remindAt   the reminder, or {@code null}
     * @return a new pending task created at {@link #T0}
     */
    public static Task task(StaffId assignee, DepartmentId department, StaffId createdBy, Instant dueAt,
                            TaskLink link, Instant remindAt) {
        return Task.create(TaskId.next(StaffFixtures.IDS), "Call back about the order", null, dueAt,
                TaskPriority.MEDIUM, assignee, department, createdBy, link, remindAt, T0);
    }

    /** @param assignee who @param dueAt when due @return a new pending task without link or reminder */
    public static Task task(StaffId assignee, Instant dueAt) {
        return task(assignee, null, null, dueAt, null, null);
    }

    /** @param persistence where @param task a new task @return it, stored */
    public static Task stored(AreaPorts persistence, Task task) {
        persistence.unitOfWork().inTransaction(() -> new TaskStore(persistence.tasks()).add(task));
        return task;
    }
}
