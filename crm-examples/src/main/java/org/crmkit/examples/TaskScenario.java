package org.crmkit.examples;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.out.ReminderNotifier;

/**
 * The task scenario a host runs after the {@link SalesScenario}: the sales manager of the {@link StaffScenario} gives
 * the sales rep a task about a customer the {@link CustomerScenario} registered, due tomorrow, with a reminder in an
 * hour; the rep finds it among their tasks. Then the host's reminder job runs: here a second {@code Crm} on the same
 * persistence whose clock reads two hours later (as a scheduled job in another instance would, later), with a
 * {@link ReminderNotifier} that hands the reminder over (here: into the transcript). The reminder goes out once: the
 * job's second run finds nothing due. The rep completes the task, and completing it again is refused.
 *
 * <p>The task's title carries the run's token, so the scenario can run again and again against one database.
 */
public final class TaskScenario {
    /** How much later than the host's clock the reminder job runs. */
    public static final Duration JOB_RUNS_LATER = Duration.ofHours(2);
    private static final Actor JOB = Actor.system("reminder-job");

    private final Crm crm;
    private final Clock clock;
    private final PrintStream out;
    private final Function<ReminderNotifier, Crm> reminderJob;

    /**
     * @param crm   the configured crmkit instance the host embeds
     * @param clock the clock {@code crm} was built with
     * @param out   where the transcript goes
     * @param reminderJob builds the host's reminder job: a second {@code Crm} on the same persistence, its clock
     *              {@link #JOB_RUNS_LATER} ahead, delivering through the notifier it is given
     */
    public TaskScenario(Crm crm, Clock clock, PrintStream out, Function<ReminderNotifier, Crm> reminderJob) {
        this.crm = Objects.requireNonNull(crm, "crm");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.out = Objects.requireNonNull(out, "out");
        this.reminderJob = Objects.requireNonNull(reminderJob, "reminderJob");
    }

    /**
     * @param runToken  1 to 16 lower-case letters or digits, unique per run
     * @param staff     the staff scenario's result (the sales manager and rep act)
     * @param customers the customer scenario's result (the task is about a customer it did not erase)
     * @return what the host saw
     */
    public Result run(String runToken, StaffScenario.Result staff, CustomerScenario.Result customers) {
        if (runToken == null || !runToken.matches("[a-z0-9]{1,16}")) {
            throw new IllegalArgumentException("runToken must be 1 to 16 lower-case letters or digits");
        }
        Actor salesManager = staff.member(Role.SALES_MANAGER).actor();
        Actor salesRep = staff.member(Role.SALES_REP).actor();
        // the first registered customer was erased by the customer scenario: the task is about the next one
        CustomerId customer = customers.registered().stream().map(c -> c.id())
                .filter(id -> !id.equals(customers.erased().id())).findFirst().orElseThrow();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);

        out.println();
        out.println("== tasks and reminders ==");
        TaskView created = crm.tasks().create(salesManager, CreateTaskCommand.builder()
                .title("Call back about the renewal " + runToken).description("They asked for the yearly plan")
                .dueAt(now.plus(Duration.ofDays(1))).priority(TaskPriority.HIGH)
                .assigneeId(staff.member(Role.SALES_REP).profile().id()).link(TaskLinkData.customer(customer))
                .reminderAt(now.plus(Duration.ofHours(1))).build());
        out.println("sales manager gives the rep task " + created.id() + " (" + created.priority() + ", due "
                + created.dueAt() + ", reminder at " + created.reminderAt() + ")");
        List<TaskView> repsTasks = crm.tasks().myTasks(salesRep, MyTasksQuery.open(20)).items();
        out.println("the rep's open tasks: " + repsTasks.size());

        // the host's scheduled job, two hours later, delivering reminders through its own notifier
        List<ReminderNotifier.DueReminder> delivered = Collections.synchronizedList(new ArrayList<>());
        Crm job = reminderJob.apply(reminder -> {
            delivered.add(reminder);
            out.println("  notifier: remind " + reminder.assignee() + " of task " + reminder.task()
                    + " (attempt " + reminder.attempt() + ")");
        });
        Instant jobTime = now.plus(JOB_RUNS_LATER);
        ReminderRun firstRun = job.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(jobTime));
        out.println("reminder job at " + jobTime + ": " + firstRun.sent() + " sent, " + firstRun.failed()
                + " failed");
        ReminderRun secondRun = job.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(jobTime));
        out.println("reminder job again: " + secondRun.due() + " due (each reminder goes out once)");

        TaskView completed = crm.tasks().complete(salesRep, new TaskStatusCommand(created.id()));
        out.println("the rep completes the task: " + completed.status() + " (reminder sent at "
                + completed.reminderSentAt() + ")");
        BusinessRuleViolationException again = null;
        try {
            crm.tasks().complete(salesRep, new TaskStatusCommand(created.id()));
        } catch (BusinessRuleViolationException e) {
            again = e;
            out.println("completing it again is refused: " + e.code());
        }
        return new Result(created, repsTasks, firstRun, secondRun, List.copyOf(delivered), completed, again);
    }

    /**
     * What the host saw.
     *
     * @param created   the task as created
     * @param repsTasks the rep's open tasks after it was created
     * @param firstRun  the reminder job's first run
     * @param secondRun its second run, at the same time
     * @param delivered what the job's notifier received
     * @param completed the task once completed
     * @param again     the refusal of completing it again
     */
    public record Result(TaskView created, List<TaskView> repsTasks, ReminderRun firstRun, ReminderRun secondRun,
                         List<ReminderNotifier.DueReminder> delivered, TaskView completed,
                         BusinessRuleViolationException again) {
    }
}
