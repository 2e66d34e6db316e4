package org.crmkit.core.task.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.TaskSnapshot;

/**
 * Stores tasks. {@link #update} is optimistic ({@code stale_version}). Tasks are never deleted: they are completed or
 * cancelled.
 *
 * <p>Reminders are claimed one task at a time: {@link #dueReminders} lists candidates without locking, and
 * {@link #claimReminder} takes one for the calling transaction only if no other transaction holds it and it is still
 * due, so that two reminder runs at once (two host instances on one database) never both get the same task.
 */
public interface TaskRepository {

    /** @param task a new task */
    void add(TaskSnapshot task);

    /** @param task a changed task, stored only at the version it was loaded at */
    void update(TaskSnapshot task);

    /** @param id the task @return it, if stored */
    Optional<TaskSnapshot> findById(TaskId id);

    /**
     * @param criteria filters, order and resume position
     * @param limit    the most tasks to return
     * @return matching tasks in the criteria's order (due time, then id)
     */
    List<TaskSnapshot> search(TaskSearchCriteria criteria, int limit);

    /**
     * @param asOf  the reminder run's time
     * @param after resume strictly after this position, or {@code null} for the start
     * @param limit the most ids to return
     * @return tasks whose {@linkplain org.crmkit.core.task.TaskSnapshot#pendingReminderAt() pending reminder}
     *         is at or before {@code asOf}, by reminder time, then id; read without locks
     */
    List<ReminderPosition> dueReminders(Instant asOf, ReminderPosition after, int limit);

    /**
     * Claims a task's reminder for the current transaction: the task, locked until the transaction ends, if its
     * reminder is still pending at or before {@code asOf} and no other transaction holds the task; empty otherwise
     * (another run has it or sent it, or someone is changing the task). Call inside a transaction.
     *
     * @param id   the task
     * @param asOf the reminder run's time
     * @return the claimed task
     */
    Optional<TaskSnapshot> claimReminder(TaskId id, Instant asOf);

    /**
     * @param link     what the tasks are about
     * @param statuses only tasks in these states (not empty)
     * @param after    resume strictly after this task, or {@code null}
     * @param limit    the most tasks to return
     * @return the tasks with that link in one of those states, by id
     */
    List<TaskSnapshot> linkedTo(TaskLink link, Set<TaskStatus> statuses, TaskId after, int limit);

    /**
     * A pending reminder's place in the reminder order.
     *
     * @param remindAt when it is due
     * @param task     its task
     */
    record ReminderPosition(Instant remindAt, TaskId task) {
        /** Checks presence. */
        public ReminderPosition {
            java.util.Objects.requireNonNull(remindAt, "remindAt");
            java.util.Objects.requireNonNull(task, "task");
        }
    }
}
