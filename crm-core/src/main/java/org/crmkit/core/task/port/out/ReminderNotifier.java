package org.crmkit.core.task.port.out;

import java.time.Instant;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;

/**
 * Delivers a task reminder to its assignee (by email, a push message, an in-app notice), implemented by the host and
 * given to {@code Crm.builder().reminderNotifier(...)}. Called by {@code tasks().sendDueReminders(...)} on the
 * caller's thread, once per due reminder, while the task is claimed for that run (another run at the same time skips
 * it): return normally and the reminder counts as sent; throw and it stays due, its attempt counted, for the next
 * run. Hand the reminder to a queue and return quickly: the task stays locked while the call lasts.
 *
 * <p>Delivery is at least once: if the host dies after this call returns but before the run records the reminder as
 * sent, the next run hands it over again. A notifier that must not deliver twice deduplicates on
 * {@code (task, remindAt)}.
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
        @Override
        public String toString() {
            return "ReminderNotifier.DueReminder[task=" + task + ", assignee=" + assignee + ", remindAt=" + remindAt
                    + ", attempt=" + attempt + "]";
        }
    }
}
