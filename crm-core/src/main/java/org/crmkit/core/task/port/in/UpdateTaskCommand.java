package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;

/**
 * Changes some of what an open task says; what the command does not name stays as it is. Build it with
 * {@link #of(TaskId)}: {@code UpdateTaskCommand.of(id).dueAt(friday).reminderAt(null).build()} moves the due time
 * and drops the reminder. A due time or reminder that is not changed may lie in the past; one that is changed may
 * not. A new reminder time starts the reminder afresh.
 *
 * <p>In the record, a {@code null} component means "unchanged"; an optional part is an {@link Optional}, empty to
 * remove it.
 *
 * @param taskId          the task
 * @param title           new title, 1 to 200 characters, or {@code null} to keep it
 * @param description     new description, up to 2000 characters; empty to remove it, {@code null} to keep it
 * @param dueAt           new due time, or {@code null} to keep it
 * @param priority        new priority, or {@code null} to keep it
 * @param link            what it is about; empty to remove the link, {@code null} to keep it
 * @param reminderAt      new reminder, not after the due time; empty to remove it, {@code null} to keep it
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record UpdateTaskCommand(@NotNull TaskId taskId,
                                @Size(min = 1, max = 400) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String title,
                                Optional<@Size(max = 4000) String> description, Instant dueAt,
                                TaskPriority priority, Optional<@Valid TaskLinkData> link,
                                Optional<Instant> reminderAt, @PositiveOrZero Long expectedVersion) {

    /** @param taskId the task @return a builder that changes nothing until a part is named */
    public static Builder of(TaskId taskId) {
        return new Builder(taskId);
    }

    /** Names, one at a time, the parts that change; {@code null} removes an optional part. */
    public static final class Builder {
        private final TaskId taskId;
        private String title;
        private Optional<String> description;
        private Instant dueAt;
        private TaskPriority priority;
        private Optional<TaskLinkData> link;
        private Optional<Instant> reminderAt;
        private Long expectedVersion;

        private Builder(TaskId taskId) {
            this.taskId = taskId;
        }

        /** @param title the new title @return this builder */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** @param description the new description, or {@code null} to remove it @return this builder */
        public Builder description(String description) {
            this.description = Optional.ofNullable(description);
            return this;
        }

        /** @param dueAt the new due time @return this builder */
        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        /** @param priority the new priority @return this builder */
        public Builder priority(TaskPriority priority) {
            this.priority = priority;
            return this;
        }

        /** @param link what the task is about, or {@code null} to remove the link @return this builder */
        public Builder link(TaskLinkData link) {
            this.link = Optional.ofNullable(link);
            return this;
        }

        /** @param reminderAt the new reminder, or {@code null} to remove it @return this builder */
        public Builder reminderAt(Instant reminderAt) {
            this.reminderAt = Optional.ofNullable(reminderAt);
            return this;
        }

        /** @param expectedVersion the version the caller read @return this builder */
        public Builder expectedVersion(long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @return the command */
        public UpdateTaskCommand build() {
            return new UpdateTaskCommand(taskId, title, description, dueAt, priority, link, reminderAt,
                    expectedVersion);
        }
    }
}
