package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.crmkit.core.task.TaskPermission;

/**
 * The reminder run: checks the caller once, then walks the due reminders in pages (keyset, by reminder time and
 * id) and handles each in a transaction of its own that first claims the task ({@link TaskStore#claimReminder}:
 * locked for this transaction, skipped when another holds it, gone when another already sent it). The notifier is
 * called while the claim is held; its result is stored in the same transaction, so a reminder is handed over once
 * per run across any number of concurrent runs, and again only if the run dies between the call and the commit
 * (at least once). A notifier failure is counted on the task and the run goes on.
 */
final class ReminderSender {
    static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(ReminderSender.class);

    private final UseCaseSupport support;
    private final TaskStore tasks;
    private final ReminderNotifier notifier;

    ReminderSender(UseCaseSupport support, TaskStore tasks, ReminderNotifier notifier) {
        this.support = support;
        this.tasks = tasks;
        this.notifier = notifier;
    }

    private enum Outcome { SENT, FAILED, SKIPPED }

    ReminderRun send(Actor actor, SendDueRemindersCommand command) {
        support.validate(actor, command);
        Instant asOf = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", command.asOf()));
        if (asOf.isAfter(support.now())) {
            throw new InvalidCommandException(List.of(new FieldError("asOf", "must not be in the future")));
        }
        // a series: the caller's check and the reminders' transactions may share one connection
        return support.series(() -> {
            support.transaction(() -> support.authorize(actor, TaskPermission.TASK_REMIND, AccessTarget.none(),
                    "task.send_reminders", TaskService.TYPE, null));
            return sendAll(actor, asOf);
        });
    }

    private ReminderRun sendAll(Actor actor, Instant asOf) {
        long due = 0;
        long sent = 0;
        long failed = 0;
        TaskRepository.ReminderPosition after = null;
        while (true) {
            TaskRepository.ReminderPosition from = after;
            List<TaskRepository.ReminderPosition> page = support.transaction(() -> tasks.dueReminders(asOf, from,
                    BATCH));
            for (TaskRepository.ReminderPosition candidate : page) {
                Outcome outcome;
                try {
                    outcome = support.transaction(() -> tasks.claimReminder(candidate.task(), asOf)
                            .map(task -> deliver(actor, task)).orElse(Outcome.SKIPPED));
                } catch (RuntimeException e) {
                    // rolled back: the reminder stays due for the next run, and must not stop this one
                    LOG.warn("reminder of task {} could not be recorded ({}); it stays due", candidate.task(),
                            e instanceof CrmException crm ? crm.code() : e.getClass().getName());
                    outcome = Outcome.FAILED;
                }
                due++;
                sent += outcome == Outcome.SENT ? 1 : 0;
                failed += outcome == Outcome.FAILED ? 1 : 0;
            }
            if (page.size() < BATCH) {
                return new ReminderRun(due, sent, failed, due - sent - failed);
            }
            after = page.get(page.size() - 1);
        }
    }

    /** Hands a claimed task's reminder to the notifier and records the result on the task. */
    private Outcome deliver(Actor actor, Task task) {
        TaskSnapshot s = task.snapshot();
        Outcome outcome;
        try {
            notifier.remind(new ReminderNotifier.DueReminder(s.id(), s.assignee(), s.title(), s.priority(),
                    s.dueAt(), s.remindAt(), s.reminderAttempts() + 1));
            task.reminderSent(support.now());
            outcome = Outcome.SENT;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Exception | Error e) {
            // the code or the type only: a message may carry the assignee's address or the title
            String code = e instanceof CrmException crm ? crm.code() : e.getClass().getSimpleName();
            LOG.warn("reminder of task {} failed ({}); it stays due", s.id(), code);
            task.reminderFailed(code, support.now());
            outcome = Outcome.FAILED;
        }
        List<DomainEvent> events = task.pullEvents();
        tasks.update(task);
        support.audit(actor, outcome == Outcome.SENT ? "task.reminder_sent" : "task.reminder_failed",
                TaskService.TYPE, s.id().value());
        support.publishAfterCommit(events);
        return outcome;
    }
}
