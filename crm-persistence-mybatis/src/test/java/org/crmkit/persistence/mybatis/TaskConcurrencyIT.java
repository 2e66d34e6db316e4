package org.crmkit.persistence.mybatis;

import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.testing.CrmTestAccess;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.RecordingNotifier;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reminder runs and task changes racing on a real MySQL-compatible server, as two host instances would: two
 * {@link Crm}s, each on its own {@link MyBatisCrmPersistence} (its own unit of work and connections), on one database.
 */
class TaskConcurrencyIT {
    private static final Actor JOB = Actor.system("reminder-job");
    private static final int REMINDERS = 300;

    private MutableClock clock;
    private RecordingNotifier notifier;
    private Crm first;
    private Crm second;
    private Actor rep;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        notifier = new RecordingNotifier();
        first = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).clock(clock).persistence(TestDatabase.get().emptyPersistence())
                .reminderNotifier(notifier).build();
        second = Crm.builder().retryPolicy(TestDatabase.retryPolicy()).clock(clock).persistence(TestDatabase.get().persistence())
                .reminderNotifier(notifier).build();
        rep = TestStaff.enrol(first, StaffId.next(clock), Role.SALES_REP);
    }

    /** Stores tasks with reminders straight, in one transaction: the setup is not what is measured. */
    private List<TaskId> tasksWithReminders(int count) {
        StaffId assignee = ((Actor.Staff) rep).id();
        Instant now = clock.instant();
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(Task.create(TaskId.next(clock), "Reminder " + i, null, now.plus(Duration.ofDays(1)),
                    TaskPriority.MEDIUM, assignee, null, assignee, null, now.plus(Duration.ofMinutes(1 + i % 13)),
                    now));
        }
        CrmTestAccess.persistence(first).unitOfWork().inTransaction(() -> tasks.forEach(new TaskStore(CrmTestAccess.persistence(first).tasks())::add));
        return tasks.stream().map(Task::id).toList();
    }

    @Test
    void reminderRunsOfTwoInstancesAtOnceHandEveryReminderOverExactlyOnce() throws Exception {
        List<TaskId> created = tasksWithReminders(REMINDERS);
        clock.advance(Duration.ofHours(1));

        // two runs per instance, four threads on two connection pools, released together
        List<ParallelCalls.Outcome<ReminderRun>> runs = ParallelCalls.run(4, i -> () -> (i % 2 == 0 ? first : second)
                .tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())));

        assertThat(runs).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
        assertThat(runs.stream().mapToLong(r -> r.value().sent()).sum()).isEqualTo(REMINDERS);
        assertThat(runs.stream().mapToLong(r -> r.value().failed()).sum()).isZero();
        assertThat(notifier.counts()).hasSize(REMINDERS).allSatisfy((task, count) ->
                assertThat(count).as("notifications of task %s", task).isEqualTo(1));
        assertThat(notifier.counts().keySet()).containsExactlyInAnyOrderElementsOf(created);
        assertThat(second.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())).due())
                .as("nothing left due").isZero();
        assertThat(first.tasks().findById(JOB, created.get(0)).orElseThrow().reminderSentAt())
                .isEqualTo(clock.instant());
    }

    @Test
    void aFailingReminderIsCountedAndRetriedWhileTheOthersGoOutOnceEach() throws Exception {
        List<TaskId> created = tasksWithReminders(60);
        TaskId bad = created.get(7);
        notifier.failWhen(r -> r.task().equals(bad));
        clock.advance(Duration.ofHours(1));

        List<ParallelCalls.Outcome<ReminderRun>> runs = ParallelCalls.run(2, i -> () -> (i == 0 ? first : second)
                .tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())));

        assertThat(runs).extracting(ParallelCalls.Outcome::code).containsOnly("ok");
        assertThat(notifier.counts()).hasSize(59).doesNotContainKey(bad)
                .allSatisfy((task, count) -> assertThat(count).isEqualTo(1));
        TaskView failed = first.tasks().findById(JOB, bad).orElseThrow();
        long attempts = runs.stream().mapToLong(r -> r.value().failed()).sum();
        assertThat(failed.reminderAttempts()).as("each failed attempt counted").isEqualTo((int) attempts)
                .isBetween(1, 2);
        assertThat(failed.reminderSentAt()).isNull();

        notifier.failWhen(r -> false);
        clock.advance(Duration.ofMinutes(5));
        assertThat(second.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())).sent())
                .isEqualTo(1);
        assertThat(notifier.counts()).hasSize(60).containsEntry(bad, 1);
    }

    @Test
    void twoParallelChangesOfOneTaskFromTheSameVersionNeverBothSucceed() throws Exception {
        for (int round = 0; round < 10; round++) {
            TaskView task = first.tasks().create(rep, new CreateTaskCommand("Race " + round, null,
                    clock.instant().plus(Duration.ofDays(2)), TaskPriority.LOW, null, null, null));
            long version = task.version();

            List<ParallelCalls.Outcome<TaskView>> outcomes = ParallelCalls.run(2, i -> () -> i == 0
                    ? first.tasks().update(rep, UpdateTaskCommand.of(task.id()).title("Renamed")
                            .priority(TaskPriority.URGENT).expectedVersion(version).build())
                    : second.tasks().complete(rep, new TaskStatusCommand(task.id(), version)));

            assertThat(outcomes).as("round %d", round).extracting(ParallelCalls.Outcome::code)
                    .containsExactlyInAnyOrder("ok", "stale_version");
            TaskView stored = second.tasks().findById(rep, task.id()).orElseThrow();
            assertThat(stored.version()).isEqualTo(version + 1);
            boolean completed = outcomes.get(1).succeeded();
            assertThat(stored.status()).isEqualTo(completed ? TaskStatus.COMPLETED : TaskStatus.PENDING);
            assertThat(stored.title()).isEqualTo(completed ? "Race " + round : "Renamed");
        }
    }
}
