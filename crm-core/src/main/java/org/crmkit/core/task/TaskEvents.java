package org.crmkit.core.task;

import java.time.Instant;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;

/** The events of the task area: ids, states and times only, never a title or a description. */
public final class TaskEvents {
    private TaskEvents() {
    }

    /**
     * @param taskId     the new task
     * @param assignee   who is to do it
     * @param dueAt      when it is due
     * @param occurredAt when it was created
     */
    public record TaskCreated(TaskId taskId, StaffId assignee, Instant dueAt, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param occurredAt when its title, description, due time, priority, link or reminder changed
     */
    public record TaskUpdated(TaskId taskId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param from       the previous assignee
     * @param to         the new assignee
     * @param occurredAt when
     */
    public record TaskReassigned(TaskId taskId, StaffId from, StaffId to, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param occurredAt when work on it started
     */
    public record TaskStarted(TaskId taskId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param occurredAt when it was completed
     */
    public record TaskCompleted(TaskId taskId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param occurredAt when it was cancelled
     */
    public record TaskCancelled(TaskId taskId, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param from       what it was about
     * @param to         what it is about now (a lead's customer, after the lead's conversion)
     * @param occurredAt when
     */
    public record TaskRelinked(TaskId taskId, TaskLink from, TaskLink to, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param assignee   who was reminded
     * @param remindAt   when the reminder was due
     * @param occurredAt when the notifier took it
     */
    public record ReminderSent(TaskId taskId, StaffId assignee, Instant remindAt, Instant occurredAt)
            implements DomainEvent {
    }

    /**
     * @param taskId     the task
     * @param attempts   failed attempts so far
     * @param errorCode  what the notifier threw (an error code or exception type, no message)
     * @param occurredAt when
     */
    public record ReminderFailed(TaskId taskId, int attempts, String errorCode, Instant occurredAt)
            implements DomainEvent {
    }
}
