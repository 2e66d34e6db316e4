package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;

/**
 * Hands an open task to another staff user.
 *
 * @param taskId          the task
 * @param assigneeId      an active staff user
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record ReassignTaskCommand(@NotNull TaskId taskId, @NotNull StaffId assigneeId,
                                  @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param taskId     the task
     * @param assigneeId an active staff user
     */
    public ReassignTaskCommand(TaskId taskId, StaffId assigneeId) {
        this(taskId, assigneeId, null);
    }
}
