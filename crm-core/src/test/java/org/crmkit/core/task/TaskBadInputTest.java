package org.crmkit.core.task;

import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.internal.AreaPorts;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.spi.CrmPersistence;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadStage;
import org.crmkit.core.lead.port.in.ChangeLeadStageCommand;
import org.crmkit.core.lead.port.in.CreateLeadCommand;
import org.crmkit.core.lead.port.in.LeadCommand;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CrmException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.ReassignTaskCommand;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskSort;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.task.port.out.TaskSearchCriteria;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.port.in.SubmitTicketCommand;
import org.crmkit.core.testing.RecordingNotifier;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.Refusals;
import org.crmkit.core.testing.TestStaff;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input to the task use cases: each call is refused with the documented error naming the field or the rule, and
 * leaves every stored task, the audit trail and the event stream exactly as they were (a refusal of the policy adds
 * its one DENIED entry, by design).
 */
class TaskBadInputTest {
    private static final Actor SYSTEM = Actor.system("task-bad-input-test");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private RecordingNotifier notifier;
    private Crm crm;
    private AreaPorts store;
    private Tasks tasks;
    private Refusals refusals;
    private Actor rep;
    private StaffId gone;
    private CustomerId repsCustomer;
    private CustomerId othersCustomer;
    private TaskView open;
    private TaskView cancelled;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        notifier = new RecordingNotifier();
        crm = Crm.builder().persistence(store = new AreaPorts(InMemoryCrmPersistence.create())).clock(clock).eventPublisher(publisher).reminderNotifier(notifier).build();
        tasks = crm.tasks();
        rep = TestStaff.enrol(crm, StaffId.next(clock), Role.SALES_REP);
        gone = StaffId.next(clock);
        TestStaff.enrol(crm, gone, Role.SALES_REP);
        // straight in the store: the user has no login account for the use case to close
        store.unitOfWork().inTransaction(() -> {
            org.crmkit.core.staff.internal.domain.StaffUser user = new StaffStore(store.staff()).findById(gone).orElseThrow();
            user.deactivate(clock.instant());
            new StaffStore(store.staff()).update(user);
        });
        repsCustomer = register(rep, "rep-customer@example.com");
        othersCustomer = register(SYSTEM, "other-customer@example.com");
        open = tasks.create(rep, command("Call back", in(Duration.ofDays(2)), null, null, in(Duration.ofDays(1))));
        cancelled = tasks.create(rep, command("Dropped", in(Duration.ofDays(2)), null, null, null));
        tasks.cancel(rep, new TaskStatusCommand(cancelled.id(), null));
        refusals = new Refusals(crm, publisher, () -> new TaskStore(store.tasks()).search(new TaskSearchCriteria(null,
                null, java.util.EnumSet.allOf(TaskStatus.class), null, false, null), 1000).stream()
                .map(Task::snapshot).toList());
        clock.advance(Duration.ofMinutes(1));
    }

    private CustomerId register(Actor actor, String email) {
        return crm.customers().register(actor, new RegisterCustomerCommand("Carl", "Client", email, null, null, null,
                null, CustomerSource.REFERRAL, null, false)).id();
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    private static CreateTaskCommand command(String title, Instant dueAt, StaffId assignee, TaskLinkData link,
                                             Instant remindAt) {
        return new CreateTaskCommand(title, null, dueAt, TaskPriority.MEDIUM, assignee, link, remindAt);
    }

    private <T extends CrmException> T refused(Class<T> type, ThrowingCallable call) {
        return refusals.withoutEffect(type, call);
    }

    private void refusedNaming(String field, ThrowingCallable call) {
        InvalidCommandException e = refused(InvalidCommandException.class, call);
        assertThat(e.code()).isEqualTo("invalid_command");
        assertThat(e.fields()).containsExactly(field);
    }

    @Test
    void aNewTaskDueInThePastIsRefusedNamingDueAt() {
        refusedNaming("dueAt", () -> tasks.create(rep, command("Late", in(Duration.ofSeconds(-1)), null, null,
                null)));
    }

    @Test
    void aReminderAfterTheDueTimeIsRefusedNamingReminderAt() {
        refusedNaming("reminderAt", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)), null, null,
                in(Duration.ofDays(2)))));
        refusedNaming("reminderAt", () -> tasks.update(rep, UpdateTaskCommand.of(open.id())
                .dueAt(open.reminderAt().minusSeconds(60)).build()));
    }

    @Test
    void aReminderInThePastIsRefusedNamingReminderAt() {
        refusedNaming("reminderAt", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)), null, null,
                in(Duration.ofMinutes(-5)))));
        refusedNaming("reminderAt", () -> tasks.update(rep, UpdateTaskCommand.of(open.id())
                .reminderAt(in(Duration.ofMinutes(-5))).build()));
    }

    @Test
    void anUnknownOrDeactivatedAssigneeIsRefusedNamingAssigneeId() {
        refusedNaming("assigneeId", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)),
                StaffId.next(clock), null, null)));
        refusedNaming("assigneeId", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)), gone, null,
                null)));
        refusedNaming("assigneeId", () -> tasks.reassign(rep, new ReassignTaskCommand(open.id(),
                StaffId.next(clock), null)));
    }

    @Test
    void theSystemMustNameTheAssignee() {
        refusedNaming("assigneeId", () -> tasks.create(SYSTEM, command("Call", in(Duration.ofDays(1)), null, null,
                null)));
    }

    @Test
    void completingOrChangingACancelledTaskIsRefusedAsClosed() {
        for (ThrowingCallable call : List.<ThrowingCallable>of(
                () -> tasks.complete(rep, new TaskStatusCommand(cancelled.id(), null)),
                () -> tasks.start(rep, new TaskStatusCommand(cancelled.id(), null)),
                () -> tasks.reassign(rep, new ReassignTaskCommand(cancelled.id(), ((Actor.Staff) rep).id(), null)),
                () -> tasks.update(rep, UpdateTaskCommand.of(cancelled.id()).title("Again")
                        .dueAt(in(Duration.ofDays(1))).priority(TaskPriority.LOW).build()))) {
            BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, call);
            assertThat(e.code()).isEqualTo("task_closed");
        }
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", " ", "  \t "})
    void aBlankTitleIsRefusedNamingTitle(String title) {
        refusedNaming("title", () -> tasks.create(rep, command(title, in(Duration.ofDays(1)), null, null, null)));
        refusedNaming("title", () -> tasks.update(rep, UpdateTaskCommand.of(open.id()).title(title).build()));
    }

    @Test
    void aTitleOverTwoHundredCharactersOrWithControlCharactersIsRefusedNamingTitle() {
        refusedNaming("title", () -> tasks.create(rep, command("t".repeat(201), in(Duration.ofDays(1)), null, null,
                null)));
        refusedNaming("title", () -> tasks.create(rep, command("Call\u0007", in(Duration.ofDays(1)), null, null,
                null)));
    }

    @Test
    void aLinkToAnUnknownCustomerIsRefusedNamingLinkId() {
        refusedNaming("link.id", () -> tasks.create(SYSTEM, command("Call", in(Duration.ofDays(1)),
                ((Actor.Staff) rep).id(), TaskLinkData.customer(CustomerId.next(clock)), null)));
    }

    @Test
    void aLinkToAnUnknownLeadIsRefusedNamingLinkId() {
        refusedNaming("link.id", () -> tasks.create(SYSTEM, command("Call", in(Duration.ofDays(1)),
                ((Actor.Staff) rep).id(), TaskLinkData.lead(LeadId.next(clock)), null)));
    }

    @Test
    void aConvertedLeadCannotBeLinkedAndTheErrorNamesItsCustomer() {
        LeadId lead = crm.leads().create(SYSTEM, CreateLeadCommand.of("Rita", "Referral", "rita.referral@example.org",
                LeadSource.REFERRAL)).id();
        crm.leads().changeStage(SYSTEM, new ChangeLeadStageCommand(lead, LeadStage.QUALIFIED, null, null));
        CustomerId customer = crm.leads().convert(SYSTEM, new LeadCommand(lead, null)).customerId();
        BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, () -> tasks.create(SYSTEM,
                command("Call", in(Duration.ofDays(1)), ((Actor.Staff) rep).id(), TaskLinkData.lead(lead), null)));
        assertThat(e.code()).isEqualTo("lead_converted");
        assertThat(e.details()).containsEntry("customerId", customer.toString());
    }

    @Test
    void aLinkWithoutKindOrIdIsRefusedNamingTheField() {
        refusedNaming("link.kind", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)), null,
                new TaskLinkData(null, UUID.randomUUID()), null)));
        refusedNaming("link.id", () -> tasks.create(rep, command("Call", in(Duration.ofDays(1)), null,
                new TaskLinkData(TaskLinkKind.CUSTOMER, null), null)));
    }

    @Test
    void aLinkToAnUnknownTicketIsRefusedNamingLinkId() {
        refusedNaming("link.id", () -> tasks.create(SYSTEM, command("Call", in(Duration.ofDays(1)),
                ((Actor.Staff) rep).id(), TaskLinkData.ticket(TicketId.next(clock)), null)));
    }

    @Test
    void aRepCannotLinkATicketBecauseTheyMayNotReadTickets() {
        TicketId ticket = crm.tickets().submit(SYSTEM, new SubmitTicketCommand(repsCustomer, "Broken", "It is.",
                null, TicketPriority.NORMAL, TicketChannel.PHONE, null, null, null, null)).id();
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> tasks.create(rep, command("Call",
                in(Duration.ofDays(1)), null, TaskLinkData.ticket(ticket), null)));
        assertThat(e.action()).isEqualTo("ticket.view");
    }

    @Test
    void aTicketOfAnErasedCustomerCannotBeLinked() {
        TicketId ticket = crm.tickets().submit(SYSTEM, new SubmitTicketCommand(othersCustomer, "Broken", "It is.",
                null, TicketPriority.NORMAL, TicketChannel.PHONE, null, null, null, null)).id();
        crm.customers().erase(SYSTEM, othersCustomer);
        BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, () -> tasks.create(SYSTEM,
                command("Call", in(Duration.ofDays(1)), ((Actor.Staff) rep).id(), TaskLinkData.ticket(ticket),
                        null)));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    @Test
    void anErasedCustomerCannotBeLinked() {
        crm.customers().erase(SYSTEM, othersCustomer);
        BusinessRuleViolationException e = refused(BusinessRuleViolationException.class, () -> tasks.create(SYSTEM,
                command("Call", in(Duration.ofDays(1)), ((Actor.Staff) rep).id(),
                        TaskLinkData.customer(othersCustomer), null)));
        assertThat(e.code()).isEqualTo("customer_erased");
    }

    @Test
    void aRepLinksOnlyCustomersTheyMaySee() {
        assertThat(tasks.create(rep, command("Mine", in(Duration.ofDays(1)), null,
                TaskLinkData.customer(repsCustomer), null)).link()).isEqualTo(TaskLinkData.customer(repsCustomer));
        AccessDeniedException e = refusals.deniedAndAuditedOnce(() -> tasks.create(rep, command("Theirs",
                in(Duration.ofDays(1)), null, TaskLinkData.customer(othersCustomer), null)));
        assertThat(e.code()).isEqualTo("access_denied");
    }

    /**
     * Guards a fixed bug, where a new task was checked in rounds: the constraints, then the times' storable years,
     * and the title, the description and the times' rules only inside the transaction, once the rest had passed.
     */
    @Test
    void everyBadFieldOfACreateIsListedAtOnce() {
        InvalidCommandException e = refused(InvalidCommandException.class, () -> tasks.create(rep,
                new CreateTaskCommand("Call\u0007", "d".repeat(2001), in(Duration.ofSeconds(-1)), null, null, null,
                        in(Duration.ofMinutes(-1)))));
        assertThat(e.fields()).containsExactly("description", "dueAt", "priority", "reminderAt", "title");
        InvalidCommandException years = refused(InvalidCommandException.class, () -> tasks.create(rep,
                new CreateTaskCommand(" ", null, Instant.parse("+10000-01-01T00:00:00Z"), TaskPriority.MEDIUM, null,
                        null, null)));
        assertThat(years.fields()).containsExactly("dueAt", "title");
    }

    /** Guards a fixed bug, where an update's title and description were checked only on the loaded task. */
    @Test
    void everyBadFieldOfAnUpdateThatNeedsNoStoredTaskIsListedAtOnce() {
        InvalidCommandException e = refused(InvalidCommandException.class, () -> tasks.update(rep,
                UpdateTaskCommand.of(open.id()).title("Call\u0007").description("line\u0000")
                        .dueAt(Instant.parse("+10000-01-01T00:00:00Z")).expectedVersion(-1).build()));
        assertThat(e.fields()).containsExactly("description", "dueAt", "expectedVersion", "title");
    }

    @Test
    void aStaleVersionIsAConflictOnVersion() {
        ConflictException e = refused(ConflictException.class, () -> tasks.complete(rep,
                new TaskStatusCommand(open.id(), 7L)));
        assertThat(e.code()).isEqualTo("stale_version");
        assertThat(e.field()).isEqualTo("version");
    }

    @Test
    void anUnknownTaskIsNotFound() {
        TaskId unknown = TaskId.next(clock);
        assertThat(refused(org.crmkit.core.shared.NotFoundException.class, () -> tasks.complete(SYSTEM,
                new TaskStatusCommand(unknown, null))).id()).isEqualTo(unknown.toString());
    }

    @Test
    void aReminderRunInTheFutureIsRefusedNamingAsOf() {
        refusedNaming("asOf", () -> tasks.sendDueReminders(SYSTEM, new SendDueRemindersCommand(
                in(Duration.ofSeconds(1)))));
        refusedNaming("asOf", () -> tasks.sendDueReminders(SYSTEM, new SendDueRemindersCommand(null)));
        assertThat(notifier.reminders()).isEmpty();
    }

    @Test
    void anAlteredCursorIsRefusedNamingPageCursor() {
        InvalidValueException e = refused(InvalidValueException.class, () -> tasks.myTasks(rep,
                new MyTasksQuery(null, TaskSort.DUE_ASC, new PageRequest(10, "not-a-cursor"))));
        assertThat(e.field()).isEqualTo("page.cursor");
        refusedNaming("page.size", () -> tasks.myTasks(rep, new MyTasksQuery(null, TaskSort.DUE_ASC,
                new PageRequest(0, null))));
    }

    @Test
    void refusedChangesOfATaskLeaveItAtItsVersion() {
        refusedNaming("title", () -> tasks.update(rep, UpdateTaskCommand.of(open.id()).title(" ").build()));
        refused(ConflictException.class, () -> tasks.complete(rep, new TaskStatusCommand(open.id(), 7L)));
        refused(ConflictException.class, () -> tasks.cancel(rep, new TaskStatusCommand(open.id(), 3L)));

        TaskSnapshot stored = store.unitOfWork().inTransaction(() -> store.tasks()
                .findById(open.id())).orElseThrow();
        assertThat(stored.version()).isZero();
        assertThat(stored.status()).isEqualTo(TaskStatus.PENDING);
    }
}
