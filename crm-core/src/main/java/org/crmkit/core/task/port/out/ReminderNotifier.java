package org.crmkit.core.task.port.out;

import java.time.Instant;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;

/**
 * Delivers a task reminder to its assignee (by email, a push message, an in-app notice), implemented by the host and
 * given to {@code Crm.builder().reminderNotifier(...)}. Called by {@code tasks().sendDueReminders(...)} on the
 * caller's thread, once per due reminder, outside any transaction, after the run's claim of the task (a lease) has
 * been committed: another run meanwhile skips the task. Return normally and the reminder counts as sent; throw and it
 * stays due, its attempt counted, for the next run. Return well within the lease (five minutes): a reminder whose
 * lease ends before its outcome is recorded is claimed and handed over again by a later run.
 *
 * <p>Delivery is <b>at least once</b>: when the host dies after this call but before the run records the reminder
 * (or that record fails), the lease ends and a later run hands the reminder over again. A notifier that must not
 * deliver twice deduplicates on {@link DueReminder#idempotencyKey()}.
 */
@FunctionalInterface
public interface ReminderNotifier {

    /** @param reminder the due reminder */
    void remind(DueReminder reminder);

    /** @return the default: logs the task's id at INFO (nothing else: a title may hold personal data) */
    static ReminderNotifier logging() {
        return LoggingReminderNotifier.INSTANCE;
    }

    /**
     * A reminder to deliver.
     *
     * @param task     the task
     * @param assignee whom to remind
     * @param title    the task's title (may hold personal data: do not log it)
     * @param priority the task's priority
     * @param dueAt    when the task is due
     * @param remindAt when the reminder was due
     * @param attempt  which attempt this is, from 1
     */
    record DueReminder(TaskId task, StaffId assignee, String title, TaskPriority priority, Instant dueAt,
                       Instant remindAt, int attempt) {
        /**
         * @return the same text for every hand-over of this reminder (the task and the time it was due), whichever
         *         run and attempt makes it: the key to deduplicate deliveries on
         */
        public String idempotencyKey() {
            return "task-reminder:" + task.value() + "@" + remindAt;
        }

        @Override
        public String toString() {
            return "ReminderNotifier.DueReminder[task=" + task + ", assignee=" + assignee + ", remindAt=" + remindAt
                    + ", attempt=" + attempt + "]";
        }
    }
}
