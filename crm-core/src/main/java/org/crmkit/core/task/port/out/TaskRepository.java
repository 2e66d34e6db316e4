package org.crmkit.core.task.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.TaskSnapshot;

/**
 * Stores tasks. {@link #update} is optimistic ({@code stale_version}). Tasks are never deleted: they are completed or
 * cancelled.
 *
 * <p>Reminders are claimed one task at a time, with a lease: {@link #dueReminders} lists candidates without locking,
 * {@link #claimReminder} writes a lease on a task whose reminder is still due and which no live lease holds, and the
 * reminder run commits that claim before it calls the host's notifier; {@link #releaseReminder} ends the lease when the
 * outcome is recorded. The claim is a write to the task's own row, not a locking read, so two runs at once (two host
 * instances, on one server or on several nodes of a cluster that certifies only written rows, such as Galera) never
 * both hold the same task: of two concurrent claims one finds the other's lease or fails as {@code concurrent_write}. A
 * lease that ends unreleased (the run died after its claim) lets the task be claimed again.
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
     * Claims a task's reminder with a lease: stores {@code lease} on the task if its reminder is pending at or before
     * {@code asOf} and no live lease holds it (none, or one that ends at or before {@code lease.at()}); empty
     * otherwise (another run holds it or sent it). The claim is a write to the task's row (the task's version and
     * fields stay as they are): it holds for other transactions once the calling transaction commits, and of two
     * concurrent claims at most one succeeds (the other finds the lease, or fails with {@code concurrent_write}).
     * Call inside a transaction.
     *
     * @param id    the task
     * @param asOf  the reminder run's time
     * @param lease who claims, and until when
     * @return the claimed task
     */
    Optional<TaskSnapshot> claimReminder(TaskId id, Instant asOf, ReminderLease lease);

    /**
     * Ends a reminder lease, once its outcome is being recorded. Call inside a transaction.
     *
     * @param id    the task
     * @param claim the lease's claim
     * @return whether the task was still held by that lease; {@code false} when the lease had ended and another run
     *         claimed the task, or it was released already
     */
    boolean releaseReminder(TaskId id, UUID claim);

    /**
     * @param link     what the tasks are about
     * @param statuses only tasks in these states (not empty)
     * @param after    resume strictly after this task, or {@code null}
     * @param limit    the most tasks to return
     * @return the tasks with that link in one of those states, by id
     */
    List<TaskSnapshot> linkedTo(TaskLink link, Set<TaskStatus> statuses, TaskId after, int limit);

    /**
     * A claim on a task's reminder, live until {@code until}.
     *
     * @param claim a random id of this claim, which its release names
     * @param at    when it was made; a lease ending at or before this instant no longer holds the task
     * @param until when it ends unless released: after it the task may be claimed again
     */
    record ReminderLease(UUID claim, Instant at, Instant until) {
        /** Checks presence and order. */
        public ReminderLease {
            java.util.Objects.requireNonNull(claim, "claim");
            java.util.Objects.requireNonNull(at, "at");
            java.util.Objects.requireNonNull(until, "until");
            if (!until.isAfter(at)) {
                throw new org.crmkit.core.shared.InvalidValueException("until", "must be after at, was " + until);
            }
        }
    }

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
