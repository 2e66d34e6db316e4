package org.crmkit.core.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.port.out.ReminderNotifier;

/**
 * A thread-safe notifier that counts the reminders it took per task, and throws for the tasks a test chooses.
 */
public final class RecordingNotifier implements ReminderNotifier {
    private final Map<TaskId, AtomicInteger> taken = new ConcurrentHashMap<>();
    private final List<DueReminder> reminders = new ArrayList<>();
    private volatile Predicate<DueReminder> failing = r -> false;

    /** @param when which reminders to refuse with an {@link IllegalStateException} */
    public void failWhen(Predicate<DueReminder> when) {
        this.failing = when;
    }

    @Override
    public void remind(DueReminder reminder) {
        if (failing.test(reminder)) {
            throw new IllegalStateException("mail server down for " + reminder.title());
        }
        taken.computeIfAbsent(reminder.task(), k -> new AtomicInteger()).incrementAndGet();
        synchronized (reminders) {
            reminders.add(reminder);
        }
    }

    /** @return how many times each task's reminder was taken */
    public Map<TaskId, Integer> counts() {
        Map<TaskId, Integer> counts = new java.util.HashMap<>();
        taken.forEach((k, v) -> counts.put(k, v.get()));
        return counts;
    }

    /** @return every reminder taken, in order */
    public List<DueReminder> reminders() {
        synchronized (reminders) {
            return List.copyOf(reminders);
        }
    }
}
