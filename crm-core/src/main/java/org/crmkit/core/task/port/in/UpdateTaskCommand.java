package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;

/**
 * Replaces what an open task says. A due time or reminder that is not changed may lie in the past; one that is
 * changed may not. A new reminder time starts the reminder afresh.
 *
 * @param taskId          the task
 * @param title           1 to 200 characters
 * @param description     up to 2000 characters; {@code null} clears it
 * @param dueAt           the due time
 * @param priority        the priority
 * @param link            what it is about; {@code null} clears it
 * @param reminderAt      the reminder, not after {@code dueAt}; {@code null} clears it
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record UpdateTaskCommand(@NotNull TaskId taskId, @NotBlank @Size(max = 400) String title,
                                @Size(max = 4000) String description, @NotNull Instant dueAt,
                                @NotNull TaskPriority priority, @Valid TaskLinkData link, Instant reminderAt,
                                @PositiveOrZero Long expectedVersion) {
}
