package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.port.out.TaskRepository;
import org.crmkit.core.task.internal.store.TaskStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.task.TaskId;
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
 * id). Each reminder is a lease in three steps: a transaction that claims the task ({@link TaskStore#claimReminder}:
 * a lease written on the task's row and committed), then the notifier, called outside any transaction, then a
 * transaction that ends the lease and records the result on the task. A run that finds a live lease skips the task;
 * of two runs claiming at once on a cluster of writers one fails as {@code concurrent_write} and skips it too. A
 * lease that was never released (the run died, or its record failed) ends after {@link #LEASE} and the next run
 * claims the reminder again: delivery is at least once, and the notifier deduplicates on
 * {@code DueReminder.idempotencyKey()}. A notifier failure is counted on the task and the run goes on.
 */
final class ReminderSender {
    static final int BATCH = 100;
    /** How long a claim holds a reminder: the notifier must return well within it. */
    static final Duration LEASE = Duration.ofMinutes(5);
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
                Outcome outcome = handle(actor, candidate.task(), asOf);
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

    /** Claims, delivers and records one reminder. */
    private Outcome handle(Actor actor, TaskId id, Instant asOf) {
        Instant now = support.now();
        TaskRepository.ReminderLease lease = new TaskRepository.ReminderLease(UUID.randomUUID(), now, now.plus(LEASE));
        Optional<Task> claimed;
        try {
            claimed = support.transaction(() -> tasks.claimReminder(id, asOf, lease));
        } catch (ConflictException e) {
            // a concurrent run claimed it at the same moment (a cluster of writers certifies one claim): theirs
            return Outcome.SKIPPED;
        } catch (RuntimeException e) {
            LOG.warn("reminder of task {} could not be claimed ({}); it stays due", id, codeOf(e));
            return Outcome.FAILED;
        }
        if (claimed.isEmpty()) {
            return Outcome.SKIPPED;
        }
        TaskSnapshot s = claimed.get().snapshot();
        String failure = deliver(s);
        try {
            support.transaction(() -> record(actor, s.id(), lease, failure));
        } catch (RuntimeException e) {
            // the lease stays and ends: the next run after it hands the reminder over again (at least once)
            LOG.warn("reminder of task {} could not be recorded ({}); it is due again when its lease ends", id,
                    codeOf(e));
            return Outcome.FAILED;
        }
        return failure == null ? Outcome.SENT : Outcome.FAILED;
    }

    /** Hands a claimed task's reminder to the notifier, outside any transaction. @return null, or the failure's code */
    private String deliver(TaskSnapshot s) {
        try {
            notifier.remind(new ReminderNotifier.DueReminder(s.id(), s.assignee(), s.title(), s.priority(),
                    s.dueAt(), s.remindAt(), s.reminderAttempts() + 1));
            return null;
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Exception | Error e) {
            // the code or the type only: a message may carry the assignee's address or the title
            String code = codeOf(e);
            LOG.warn("reminder of task {} failed ({}); it stays due", s.id(), code);
            return code;
        }
    }

    /**
     * Ends the lease and records the delivery on the task. Nothing is recorded when the lease had ended and another
     * run claimed the task meanwhile: that run records its own delivery.
     */
    private Void record(Actor actor, TaskId id, TaskRepository.ReminderLease lease, String failure) {
        if (!tasks.releaseReminder(id, lease.claim())) {
            LOG.warn("reminder lease of task {} ended before its delivery was recorded", id);
            return null;
        }
        Task task = tasks.findById(id).orElseThrow();
        if (failure == null) {
            task.reminderSent(support.now());
        } else {
            task.reminderFailed(failure, support.now());
        }
        List<DomainEvent> events = task.pullEvents();
        tasks.update(task);
        support.audit(actor, failure == null ? "task.reminder_sent" : "task.reminder_failed", TaskService.TYPE,
                id.value());
        support.publishAfterCommit(events);
        return null;
    }

    private static String codeOf(Throwable e) {
        return e instanceof CrmException crm ? crm.code() : e.getClass().getSimpleName();
    }
}
