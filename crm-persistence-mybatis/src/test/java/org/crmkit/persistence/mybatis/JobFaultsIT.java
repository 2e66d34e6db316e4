package org.crmkit.persistence.mybatis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.loyalty.LoyaltyProgram;
import org.crmkit.core.loyalty.port.in.AdjustPointsCommand;
import org.crmkit.core.loyalty.port.in.BatchResult;
import org.crmkit.core.loyalty.port.in.ExpirePointsCommand;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskPriority;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.testing.LoyaltyWorld;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.RecordingNotifier;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.core.testing.TicketWorld;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.persistence.mybatis.testing.FaultyDataSource;
import org.crmkit.persistence.mybatis.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The jobs under faults on MariaDB (issue 17, "the project's own fault tests"): a statement failing midway through a
 * run leaves each item either handled whole or not at all, and the next run completes what the failed one left,
 * handling nothing twice in the store.
 */
class JobFaultsIT {
    private static final Actor JOB = Actor.system("job-faults");
    private FaultyDataSource faults;

    @BeforeEach
    void setUp() {
        TestDatabase.get().emptyPersistence();
        faults = new FaultyDataSource(TestDatabase.get().dataSource());
    }

    private MyBatisCrmPersistence persistence() {
        return MyBatisCrmPersistence.builder(faults).migrate(false).build();
    }

    /**
     * The third reminder's record fails after its notifier call: the run counts it failed and hands the others over
     * once. Its lease stays: a run while the lease lasts skips it; the first run after the lease ended hands it over
     * again (reminders are at least once: the notifier heard it before the failed record) and records it, and the
     * next run finds nothing due.
     */
    @Test
    void aReminderWhoseRecordFailsStaysDueAndTheNextRunSendsItTheOthersOnce() {
        MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
        RecordingNotifier notifier = new RecordingNotifier();
        Crm crm = Crm.builder().clock(clock).persistence(persistence()).reminderNotifier(notifier).build();
        Actor rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        List<TaskId> tasks = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            tasks.add(crm.tasks().create(rep, CreateTaskCommand.builder().title("Call back " + i)
                    .dueAt(clock.instant().plus(Duration.ofDays(2))).priority(TaskPriority.MEDIUM)
                    .reminderAt(clock.instant().plus(Duration.ofHours(1))).build()).id());
        }
        clock.advance(Duration.ofHours(2));
        // the third record of a delivery (claims and releases are other statements)
        faults.failStatement("UPDATE crm_task SET version", 3);

        ReminderRun first = crm.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant()));

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(first.due()).isEqualTo(6);
        assertThat(first.sent()).isEqualTo(5);
        assertThat(first.failed()).isEqualTo(1);
        TaskId failed = notifier.reminders().get(2).task();

        ReminderRun whileLeased = crm.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant()));
        clock.advance(Duration.ofMinutes(5));
        ReminderRun second = crm.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant()));
        ReminderRun third = crm.tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant()));

        assertThat(whileLeased.due()).isEqualTo(1);
        assertThat(whileLeased.sent()).isZero();
        assertThat(whileLeased.skipped()).isEqualTo(1);
        assertThat(second.sent()).isEqualTo(1);
        assertThat(third.due()).isZero();
        Map<TaskId, Integer> counts = notifier.counts();
        assertThat(counts).containsOnlyKeys(tasks);
        tasks.forEach(t -> assertThat(counts.get(t)).as("task %s", t).isEqualTo(t.equals(failed) ? 2 : 1));
    }

    /**
     * The second account's expiry fails midway: the run stops with {@code persistence_failure}, the first account's points
     * are expired whole and the others' untouched; the next run expires the rest, and each lot is expired once.
     */
    @Test
    void anExpiryRunCutOffMidwayLeavesEachAccountWholeAndTheNextRunCompletesIt() {
        LoyaltyWorld world = new LoyaltyWorld(persistence(), LoyaltyProgram.standard(),
                Instant.parse("2026-03-02T09:00:00Z"), "jf");
        List<CustomerView> customers = new ArrayList<>();
        for (String name : List.of("Ann", "Ben", "Cem")) {
            CustomerView c = world.crm().customers().register(LoyaltyWorld.SYSTEM,
                    RegisterCustomerCommand.imported(name, "Expiry", name.toLowerCase() + "@example.org", "x-" + name));
            world.crm().loyalty().adjust(world.manager(), new AdjustPointsCommand(c.id(), 100, "welcome"));
            customers.add(c);
        }
        Instant past = world.moveTo(world.clock().instant().plus(Duration.ofDays(3 * 366)));
        // the second account's expiry entry: its lots and row are not written either
        faults.failStatement("INSERT INTO crm_loyalty_entry\\s*\\(", 2);

        PersistenceFailureException stopped = catchThrowableOfType(PersistenceFailureException.class,
                () -> world.crm().loyalty().expirePoints(JOB, new ExpirePointsCommand(past)));

        assertThat(stopped.is(CrmError.PERSISTENCE_FAILURE)).as("code %s", stopped.code()).isTrue();
        assertThat(customers).extracting(c -> world.statement(c.id()).account().balance())
                .containsExactly(0L, 100L, 100L);

        BatchResult rest = world.crm().loyalty().expirePoints(JOB, new ExpirePointsCommand(past));

        assertThat(rest.changed()).isEqualTo(2);
        assertThat(rest.points()).isEqualTo(200);
        for (CustomerView c : customers) {
            assertThat(world.statement(c.id()).account().balance()).isZero();
            assertThat(world.statement(c.id()).entries().items()).as("the welcome and one expiry")
                    .extracting(e -> e.points()).containsExactly(-100L, 100L);
            assertThat(world.sums(c.id()).hold()).isTrue();
        }
    }

    /**
     * The commit of one breach's claim loses its acknowledgement: the claim is stored, so no later run would see the
     * breach as unclaimed; the run reads its claim back and notifies it, and every breach is notified once.
     */
    @Test
    void aBreachWhoseClaimLostItsCommitAcknowledgementIsStillNotifiedOnce() {
        java.util.Queue<String> notified = new java.util.concurrent.ConcurrentLinkedQueue<>();
        TicketWorld world = new TicketWorld(persistence(), TicketWorld.MONDAY_9,
                (t, target, due) -> notified.add(t + " " + target));
        List<TicketId> tickets = List.of(world.submit(world.aliceActor, world.alice.id()).id(),
                world.submit(world.bobActor, world.bob.id()).id());
        Instant later = world.clock.advance(Duration.ofDays(3));
        faults.dropAfterCommitOf("SET first_response_notified_at");

        SlaCheckResult run = world.tickets.checkSla(TicketWorld.SYSTEM, later);

        assertThat(faults.injected()).isEqualTo(1);
        assertThat(run).isEqualTo(new SlaCheckResult(4, 0));
        assertThat(notified).hasSize(4).doesNotHaveDuplicates()
                .contains(tickets.get(0) + " FIRST_RESPONSE", tickets.get(1) + " RESOLUTION");
        assertThat(world.tickets.checkSla(TicketWorld.SYSTEM, later)).isEqualTo(new SlaCheckResult(0, 0));
    }
}
