package org.crmkit.core.task.port.in;

/**
 * What a reminder run did.
 *
 * @param due     how many due reminders it found
 * @param sent    how many the notifier took
 * @param failed  how many the notifier refused (each stays due, its attempt counted)
 * @param skipped how many another run (or a change of the task) held or had already handled
 */
public record ReminderRun(long due, long sent, long failed, long skipped) {
}
