package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.task.TaskId;

/**
 * Moves a task along its life cycle (start, complete, cancel).
 *
 * @param taskId          the task
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record TaskStatusCommand(@NotNull TaskId taskId, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param taskId the task
     */
    public TaskStatusCommand(TaskId taskId) {
        this(taskId, null);
    }
}
