package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.Pattern;
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
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record CreateTaskCommand(@NotBlank @Size(max = 400) String title, @Size(max = 4000) String description,
                                @NotNull Instant dueAt, @NotNull TaskPriority priority, StaffId assigneeId,
                                @Valid TaskLinkData link, Instant reminderAt,
                                @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                         message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param title what to do, 1 to 200 characters
     * @param description details, up to 2000 characters, or {@code null}
     * @param dueAt when it is due, not in the past
     * @param priority how urgent
     * @param assigneeId an active staff user to do it; {@code null} for the calling staff user themself
     * @param link what it is about, or {@code null}
     * @param reminderAt when to remind the assignee, or {@code null}: not in the past, not after {@code dueAt}
     */
    public CreateTaskCommand(String title, String description, Instant dueAt, TaskPriority priority,
                             StaffId assigneeId, TaskLinkData link, Instant reminderAt) {
        this(title, description, dueAt, priority, assigneeId, link, reminderAt, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public CreateTaskCommand withIdempotencyKey(String idempotencyKey) {
        return new CreateTaskCommand(title, description, dueAt, priority, assigneeId, link, reminderAt, idempotencyKey);
    }

    /**
     * Required: {@code title}, {@code dueAt} and {@code priority}; the use case names every missing or bad field at
     * once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateTaskCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String title;
        private String description;
        private Instant dueAt;
        private TaskPriority priority;
        private StaffId assigneeId;
        private TaskLinkData link;
        private Instant reminderAt;

        private Builder() {
        }

        /** @param title what to do, 1 to 200 characters @return this builder */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** @param description details, up to 2000 characters, or {@code null} @return this builder */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param dueAt when it is due, not in the past @return this builder */
        public Builder dueAt(Instant dueAt) {
            this.dueAt = dueAt;
            return this;
        }

        /** @param priority how urgent @return this builder */
        public Builder priority(TaskPriority priority) {
            this.priority = priority;
            return this;
        }

        /**
         * @param assigneeId an active staff user to do it; {@code null} for the calling staff user themself
         * @return this builder
         */
        public Builder assigneeId(StaffId assigneeId) {
            this.assigneeId = assigneeId;
            return this;
        }

        /** @param link what it is about, or {@code null} @return this builder */
        public Builder link(TaskLinkData link) {
            this.link = link;
            return this;
        }

        /**
         * @param reminderAt when to remind the assignee, or {@code null}: not in the past, not after {@code dueAt}
         * @return this builder
         */
        public Builder reminderAt(Instant reminderAt) {
            this.reminderAt = reminderAt;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public CreateTaskCommand build() {
            return new CreateTaskCommand(title, description, dueAt, priority, assigneeId, link, reminderAt);
        }
    }
}
