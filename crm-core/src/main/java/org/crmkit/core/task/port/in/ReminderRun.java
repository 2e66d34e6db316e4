package org.crmkit.core.task.port.in;

/**
 * What a reminder run did.
 *
 * @param due     how many due reminders it found
 * @param sent    how many the notifier took
 * @param failed  how many the notifier refused (each stays due, its attempt counted), or whose claim or record
 *                failed (a claim that failed stays due; a delivery not recorded is due again when its lease ends)
 * @param skipped how many another run held under a live lease, claimed at the same moment, or had already handled
 */
public record ReminderRun(long due, long sent, long failed, long skipped) {
}
