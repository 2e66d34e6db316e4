package org.crmkit.core.task.port.out;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default {@link ReminderNotifier}: logs that a task's reminder is due, by the task's and the assignee's ids only,
 * at INFO on this class's logger. A host that wants reminders delivered plugs in its own.
 */
public final class LoggingReminderNotifier implements ReminderNotifier {
    static final LoggingReminderNotifier INSTANCE = new LoggingReminderNotifier();
    private static final Logger LOG = LoggerFactory.getLogger(LoggingReminderNotifier.class);

    private LoggingReminderNotifier() {
    }

    @Override
    public void remind(DueReminder reminder) {
        LOG.info("reminder due for task {} (assignee {})", reminder.task(), reminder.assignee());
    }
}
