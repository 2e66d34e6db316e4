package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskPriority;

/**
 * A new task.
 *
 * @param title       what to do, 1 to 200 characters
 * @param description details, up to 2000 characters, or {@code null}
 * @param dueAt       when it is due, not in the past
 * @param priority    how urgent
 * @param assigneeId  an active staff user to do it; {@code null} for the calling staff user themself
 * @param link        what it is about, or {@code null}
 * @param reminderAt  when to remind the assignee, or {@code null}: not in the past, not after {@code dueAt}
 */
public record CreateTaskCommand(@NotBlank @Size(max = 400) String title, @Size(max = 4000) String description,
                                @NotNull Instant dueAt, @NotNull TaskPriority priority, StaffId assigneeId,
                                @Valid TaskLinkData link, Instant reminderAt) {
}
