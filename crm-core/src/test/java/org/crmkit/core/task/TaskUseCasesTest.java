package org.crmkit.core.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.CustomerSource;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.internal.inmemory.InMemoryCrmPersistence;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.staff.port.in.CreateDepartmentCommand;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.ReassignTaskCommand;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskLinkData;
import org.crmkit.core.task.port.in.TaskSort;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.testing.MutableClock;
import org.crmkit.core.testing.ParallelCalls;
import org.crmkit.core.testing.RecordingNotifier;
import org.crmkit.core.testing.RecordingPublisher;
import org.crmkit.core.testing.TestStaff;
import org.crmkit.core.shared.internal.ActorResolver;
import org.crmkit.core.shared.CommandValidator;
import org.crmkit.core.shared.DefaultAccessPolicy;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.internal.application.TaskApplication;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The task use cases on the in-memory adapter: what hosts see, the events and the audit trail. */
class TaskUseCasesTest {
    private static final Actor SYSTEM = Actor.system("task-test");
    private static final Actor JOB = Actor.system("reminder-job");

    private MutableClock clock;
    private RecordingPublisher publisher;
    private RecordingNotifier notifier;
    private InMemoryCrmPersistence persistence;
    private Crm crm;
    private Tasks tasks;
    private DepartmentId sales;
    private Actor rep;
    private Actor colleague;
    private Actor manager;
    private Actor outsider;
    private CustomerId customer;

    @BeforeEach
    void setUp() {
        clock = MutableClock.at("2026-03-02T09:00:00Z");
        publisher = new RecordingPublisher();
        notifier = new RecordingNotifier();
        persistence = InMemoryCrmPersistence.create();
        crm = Crm.builder().clock(clock).persistence(persistence).eventPublisher(publisher)
                .reminderNotifier(notifier).build();
        publisher.watch(persistence.unitOfWork());
        tasks = crm.tasks();
        sales = crm.departments().create(SYSTEM, new CreateDepartmentCommand("Sales", null)).id();
        rep = TestStaff.enrol(crm, StaffId.next(clock), sales, Role.SALES_REP);
        colleague = TestStaff.enrol(crm, StaffId.next(clock), sales, Role.SALES_REP);
        manager = TestStaff.enrol(crm, StaffId.next(clock), sales, Role.SALES_MANAGER);
        outsider = TestStaff.enrol(crm, StaffId.next(clock), Role.SUPPORT_AGENT);
        customer = crm.customers().register(rep, new RegisterCustomerCommand("Carl", "Client", "carl@example.com",
                null, null, null, null, CustomerSource.REFERRAL, null, false)).id();
        publisher.clear();
    }

    private static StaffId id(Actor staff) {
        return ((Actor.Staff) staff).id();
    }

    private Instant in(Duration d) {
        return clock.instant().plus(d);
    }

    private TaskView create(Actor actor, String title, Duration dueIn, StaffId assignee, TaskLinkData link,
                            Duration remindIn) {
        return tasks.create(actor, new CreateTaskCommand(title, null, in(dueIn), TaskPriority.MEDIUM, assignee, link,
                remindIn == null ? null : in(remindIn)));
    }

    private List<AuditEntry> audit(String action) {
        return persistence.unitOfWork().inTransaction(() -> persistence.auditLog().search(new AuditCriteria(null,
                null, action, null, null, null, null, null), 100));
    }

    @Test
    void aRepCreatesATaskForThemselvesAboutTheirCustomerWithAReminder() {
        TaskView task = tasks.create(rep, new CreateTaskCommand("  Call Carl about the renewal ", "Ask about the\nrenewal",
                in(Duration.ofDays(2)), TaskPriority.HIGH, null, TaskLinkData.customer(customer),
                in(Duration.ofDays(1))));

        assertThat(task.title()).isEqualTo("Call Carl about the renewal");
        assertThat(task.description()).isEqualTo("Ask about the\nrenewal");
        assertThat(task.status()).isEqualTo(TaskStatus.PENDING);
        assertThat(task.assigneeId()).isEqualTo(id(rep));
        assertThat(task.createdBy()).isEqualTo(id(rep));
        assertThat(task.departmentId()).isEqualTo(sales);
        assertThat(task.link()).isEqualTo(TaskLinkData.customer(customer));
        assertThat(task.reminderAt()).isEqualTo(in(Duration.ofDays(1)));
        assertThat(task.version()).isZero();
        assertThat(tasks.findById(rep, task.id())).contains(task);
        assertThat(publisher.events()).containsExactly(new TaskEvents.TaskCreated(task.id(), id(rep), task.dueAt(),
                clock.instant()));
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(audit("task.create")).singleElement().satisfies(e -> assertThat(e.targetId())
                .isEqualTo(task.id().value()));
    }

    @Test
    void aTaskIsItsAssigneesAndItsCreatorsAndItsDepartmentManagersButNobodyElses() {
        TaskView delegated = create(rep, "Send the brochure", Duration.ofDays(1), id(colleague), null, null);

        assertThat(tasks.findById(colleague, delegated.id())).isPresent();
        assertThat(tasks.findById(rep, delegated.id())).as("the creator keeps sight").isPresent();
        assertThat(tasks.findById(manager, delegated.id())).as("the department's manager").isPresent();
        assertThatThrownBy(() -> tasks.findById(outsider, delegated.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.complete(outsider, new TaskStatusCommand(delegated.id(), null)))
                .isInstanceOf(AccessDeniedException.class);
        TaskView other = create(SYSTEM, "Outsider's own", Duration.ofDays(1), id(outsider), null, null);
        assertThatThrownBy(() -> tasks.findById(manager, other.id())).as("another department's task")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> tasks.findById(Actor.customer(customer), other.id()))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void anUpdateChangesWhatTheTaskSaysAndStartsAChangedReminderAfresh() {
        TaskView task = create(rep, "Call back", Duration.ofDays(2), null, null, Duration.ofHours(1));
        LeadId lead = crm.leads().create(rep, org.crmkit.core.lead.port.in.CreateLeadCommand.of("Lou", "Lead",
                "lou.lead@example.org", org.crmkit.core.lead.LeadSource.WEB_FORM)).id();
        clock.advance(Duration.ofMinutes(5));
        publisher.clear();

        TaskView updated = tasks.update(rep, UpdateTaskCommand.of(task.id()).title("Call back twice").description("details")
                .dueAt(in(Duration.ofDays(3))).priority(TaskPriority.URGENT).link(TaskLinkData.lead(lead))
                .reminderAt(in(Duration.ofDays(2))).expectedVersion(0L).build());

        assertThat(updated.version()).isEqualTo(1);
        assertThat(updated.title()).isEqualTo("Call back twice");
        assertThat(updated.priority()).isEqualTo(TaskPriority.URGENT);
        assertThat(updated.link()).isEqualTo(new TaskLinkData(TaskLinkKind.LEAD, lead.value()));
        assertThat(updated.reminderAt()).isEqualTo(in(Duration.ofDays(2)));
        assertThat(updated.updatedAt()).isEqualTo(clock.instant());
        assertThat(publisher.events()).containsExactly(new TaskEvents.TaskUpdated(task.id(), clock.instant()));

        publisher.clear();
        TaskView same = tasks.update(rep, UpdateTaskCommand.of(task.id()).title("Call back twice").description("details")
                .dueAt(updated.dueAt()).priority(TaskPriority.URGENT).link(TaskLinkData.lead(lead))
                .reminderAt(updated.reminderAt()).build());
        assertThat(same).as("a change to nothing writes nothing").isEqualTo(updated);
        assertThat(publisher.events()).isEmpty();
        assertThat(audit("task.update")).hasSize(1);
    }

    @Test
    void aStaleVersionIsAConflict() {
        TaskView task = create(rep, "Call back", Duration.ofDays(2), null, null, null);
        tasks.start(rep, new TaskStatusCommand(task.id(), 0L));

        assertThatThrownBy(() -> tasks.complete(rep, new TaskStatusCommand(task.id(), 0L)))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.code()).isEqualTo("stale_version"));
        assertThat(tasks.findById(rep, task.id()).orElseThrow().status()).isEqualTo(TaskStatus.IN_PROGRESS);
    }

    @Test
    void reassigningMovesTheTaskToTheNewAssigneeAndTheirDepartment() {
        TaskView task = create(rep, "Visit", Duration.ofDays(2), null, null, null);
        publisher.clear();

        TaskView moved = tasks.reassign(manager, new ReassignTaskCommand(task.id(), id(outsider), null));

        assertThat(moved.assigneeId()).isEqualTo(id(outsider));
        assertThat(moved.departmentId()).isNull();
        assertThat(publisher.events()).containsExactly(new TaskEvents.TaskReassigned(task.id(), id(rep),
                id(outsider), clock.instant()));
        assertThat(tasks.findById(outsider, task.id())).isPresent();
        assertThat(tasks.findById(rep, task.id())).as("still its creator").isPresent();
        assertThatThrownBy(() -> tasks.findById(manager, task.id())).as("no longer the department's")
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aTaskIsStartedThenCompletedAndTakesNoChangeAfterwards() {
        TaskView task = create(rep, "Quote", Duration.ofDays(2), null, null, null);
        publisher.clear();

        assertThat(tasks.start(rep, new TaskStatusCommand(task.id(), null)).status())
                .isEqualTo(TaskStatus.IN_PROGRESS);
        clock.advance(Duration.ofHours(1));
        TaskView done = tasks.complete(rep, new TaskStatusCommand(task.id(), null));

        assertThat(done.status()).isEqualTo(TaskStatus.COMPLETED);
        assertThat(done.closedAt()).isEqualTo(clock.instant());
        assertThat(publisher.events()).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("TaskStarted", "TaskCompleted");
        assertThatThrownBy(() -> tasks.cancel(rep, new TaskStatusCommand(task.id(), null)))
                .isInstanceOfSatisfying(BusinessRuleViolationException.class,
                        e -> assertThat(e.code()).isEqualTo("task_closed"));
    }

    @Test
    void myTasksListsTheCallersOpenTasksByDueTimeInPages() {
        List<TaskId> created = new ArrayList<>();
        for (int i = 5; i >= 1; i--) {
            created.add(0, create(manager, "Task " + i, Duration.ofHours(i), id(rep), null, null).id());
        }
        create(manager, "Someone else's", Duration.ofHours(1), id(colleague), null, null);
        TaskView done = create(rep, "Done", Duration.ofMinutes(30), null, null, null);
        tasks.complete(rep, new TaskStatusCommand(done.id(), null));

        List<TaskId> paged = new ArrayList<>();
        MyTasksQuery query = MyTasksQuery.open(2);
        Page<TaskView> page;
        do {
            page = tasks.myTasks(rep, query);
            page.items().forEach(t -> paged.add(t.id()));
            if (page.hasNext()) {
                query = query.next(page);
            }
        } while (page.hasNext());
        assertThat(paged).isEqualTo(created);
        assertThat(tasks.myTasks(rep, new MyTasksQuery(TaskStatus.OPEN, TaskSort.DUE_DESC, PageRequest.first(1)))
                .items()).extracting(TaskView::id).containsExactly(created.get(4));
        assertThat(tasks.myTasks(rep, new MyTasksQuery(null, TaskSort.DUE_ASC, PageRequest.first(10))).items())
                .as("no status filter: every state, as in every search").extracting(TaskView::id)
                .containsExactlyElementsOf(java.util.stream.Stream.concat(java.util.stream.Stream.of(done.id()),
                        created.stream()).toList());
        assertThat(tasks.myTasks(rep, new MyTasksQuery(Set.of(TaskStatus.COMPLETED), TaskSort.DUE_ASC,
                PageRequest.first(10))).items()).extracting(TaskView::id).containsExactly(done.id());
        assertThat(tasks.myTasks(SYSTEM, MyTasksQuery.open(10)).items()).isEmpty();
    }

    @Test
    void overdueListsOpenTasksPastTheirDueTimeThatTheCallerMaySee() {
        TaskView repsLate = create(rep, "Late", Duration.ofHours(1), null, null, null);
        TaskView colleaguesLate = create(colleague, "Late too", Duration.ofHours(2), null, null, null);
        TaskView outsidersLate = create(outsider, "Late elsewhere", Duration.ofHours(3), null, null, null);
        create(rep, "Not yet", Duration.ofDays(3), null, null, null);
        TaskView completed = create(rep, "Done", Duration.ofHours(1), null, null, null);
        tasks.complete(rep, new TaskStatusCommand(completed.id(), null));
        clock.advance(Duration.ofDays(1));

        assertThat(tasks.overdue(rep, OverdueTasksQuery.all(10)).items()).extracting(TaskView::id)
                .containsExactly(repsLate.id());
        assertThat(tasks.overdue(manager, OverdueTasksQuery.all(10)).items()).extracting(TaskView::id)
                .containsExactly(repsLate.id(), colleaguesLate.id());
        assertThat(tasks.overdue(SYSTEM, new OverdueTasksQuery(null, TaskSort.DUE_DESC, PageRequest.first(10)))
                .items()).extracting(TaskView::id)
                .containsExactly(outsidersLate.id(), colleaguesLate.id(), repsLate.id());
        assertThat(tasks.overdue(SYSTEM, new OverdueTasksQuery(id(colleague), TaskSort.DUE_ASC,
                PageRequest.first(10))).items()).extracting(TaskView::id).containsExactly(colleaguesLate.id());
    }

    @Test
    void aDueReminderIsHandedToTheNotifierOnceAndRecordedOnTheTask() {
        TaskView task = create(rep, "Call Carl", Duration.ofDays(1), null, TaskLinkData.customer(customer),
                Duration.ofHours(2));
        TaskView later = create(rep, "Later", Duration.ofDays(2), null, null, Duration.ofDays(1));
        TaskView cancelled = create(rep, "Dropped", Duration.ofDays(1), null, null, Duration.ofHours(1));
        tasks.cancel(rep, new TaskStatusCommand(cancelled.id(), null));
        assertThat(tasks.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())))
                .isEqualTo(new ReminderRun(0, 0, 0, 0));
        clock.advance(Duration.ofHours(3));
        publisher.clear();

        ReminderRun run = tasks.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant()));

        assertThat(run).isEqualTo(new ReminderRun(1, 1, 0, 0));
        assertThat(notifier.reminders()).singleElement().satisfies(r -> {
            assertThat(r.task()).isEqualTo(task.id());
            assertThat(r.assignee()).isEqualTo(id(rep));
            assertThat(r.title()).isEqualTo("Call Carl");
            assertThat(r.remindAt()).isEqualTo(task.reminderAt());
            assertThat(r.attempt()).isEqualTo(1);
            assertThat(r.toString()).doesNotContain("Call Carl");
        });
        TaskView sent = tasks.findById(rep, task.id()).orElseThrow();
        assertThat(sent.reminderSentAt()).isEqualTo(clock.instant());
        assertThat(sent.version()).isEqualTo(1);
        assertThat(publisher.events()).containsExactly(new TaskEvents.ReminderSent(task.id(), id(rep),
                task.reminderAt(), clock.instant()));
        assertThat(publisher.insideTransaction()).containsOnly(false);
        assertThat(audit("task.reminder_sent")).singleElement()
                .satisfies(e -> assertThat(e.actorRef()).isEqualTo("reminder-job"));

        assertThat(tasks.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())))
                .isEqualTo(new ReminderRun(0, 0, 0, 0));
        assertThat(notifier.counts()).containsOnlyKeys(task.id());
        assertThat(tasks.findById(rep, later.id()).orElseThrow().reminderSentAt()).isNull();
    }

    @Test
    void aNotifierThatThrowsLeavesTheReminderDueWithTheAttemptCountedAndOthersGoOut() {
        TaskView failing = create(rep, "Fails", Duration.ofDays(1), null, null, Duration.ofHours(1));
        TaskView fine = create(rep, "Works", Duration.ofDays(1), null, null, Duration.ofHours(2));
        notifier.failWhen(r -> r.task().equals(failing.id()));
        clock.advance(Duration.ofHours(3));
        publisher.clear();

        assertThat(tasks.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())))
                .isEqualTo(new ReminderRun(2, 1, 1, 0));
        TaskView failed = tasks.findById(rep, failing.id()).orElseThrow();
        assertThat(failed.reminderSentAt()).isNull();
        assertThat(failed.reminderAttempts()).isEqualTo(1);
        assertThat(publisher.events()).contains(new TaskEvents.ReminderFailed(failing.id(), 1,
                "IllegalStateException", clock.instant()));
        assertThat(audit("task.reminder_failed")).hasSize(1);
        assertThat(notifier.counts()).containsOnlyKeys(fine.id());

        notifier.failWhen(r -> false);
        clock.advance(Duration.ofMinutes(10));
        assertThat(tasks.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())))
                .isEqualTo(new ReminderRun(1, 1, 0, 0));
        assertThat(notifier.reminders()).last().satisfies(r -> assertThat(r.attempt()).isEqualTo(2));
        assertThat(notifier.counts()).containsEntry(failing.id(), 1).containsEntry(fine.id(), 1);
    }

    /** An Error a notifier's library might throw that is not a VirtualMachineError. */
    static final class NotifierLinkageError extends Error {
        private static final long serialVersionUID = 1L;

        NotifierLinkageError() {
            super("mail client missing a class");
        }
    }

    private Tasks tasksWith(ReminderNotifier failing, org.crmkit.core.task.port.out.TaskRepository repository) {
        UseCaseSupport support = new UseCaseSupport(clock, CommandValidator.createDefault(),
                new DefaultAccessPolicy(), persistence.unitOfWork(), persistence.auditLog(), publisher,
                ActorResolver.asGiven(), persistence.port(org.crmkit.core.shared.IdempotencyKeys.class).orElseThrow());
        return TaskApplication.tasks(support, repository, org.crmkit.core.staff.internal.application.StaffApplication
                .directory(support, persistence.staff(), persistence.departments()), crm.customers(), crm.leads(),
                crm.tickets(), org.crmkit.core.customer.internal.application.CustomerApplication.directory(support,
                        persistence.customers()), failing);
    }

    @Test
    void aNotifierThrowingAnErrorOrAnOddCodeFailsThatReminderOnlyWithASafeCode() {
        TaskView erroring = create(rep, "Errors", Duration.ofDays(1), null, null, Duration.ofHours(1));
        TaskView odd = create(rep, "Odd code", Duration.ofDays(1), null, null, Duration.ofMinutes(90));
        TaskView fine = create(rep, "Works", Duration.ofDays(1), null, null, Duration.ofHours(2));
        clock.advance(Duration.ofHours(3));
        Tasks withNotifier = tasksWith(reminder -> {
            if (reminder.task().equals(erroring.id())) {
                throw new NotifierLinkageError();
            }
            if (reminder.task().equals(odd.id())) {
                // a host's own code, as odd as a host may make it
                org.crmkit.core.shared.ErrorCode hostCode = () -> "smtp 550 <ann@example.com> \u20ac" + "x".repeat(300);
                throw new org.crmkit.core.shared.BusinessRuleViolationException(hostCode, "refused");
            }
            notifier.remind(reminder);
        }, persistence.tasks());

        assertThat(withNotifier.sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())))
                .isEqualTo(new ReminderRun(3, 1, 2, 0));

        assertThat(tasks.findById(rep, erroring.id()).orElseThrow().reminderLastError())
                .isEqualTo("NotifierLinkageError");
        assertThat(tasks.findById(rep, odd.id()).orElseThrow().reminderLastError())
                .matches("[A-Za-z0-9_.$-]{100}").startsWith("smtp_550__ann_example.com___");
        assertThat(notifier.counts()).containsOnlyKeys(fine.id());
    }

    @Test
    void aReminderWhoseRecordingFailsStaysDueAndDoesNotStopTheRun() {
        TaskView poisoned = create(rep, "Poisoned", Duration.ofDays(1), null, null, Duration.ofHours(1));
        TaskView fine = create(rep, "Works", Duration.ofDays(1), null, null, Duration.ofHours(2));
        clock.advance(Duration.ofHours(3));
        org.crmkit.core.task.port.out.TaskRepository real = persistence.tasks();
        org.crmkit.core.task.port.out.TaskRepository failing = (org.crmkit.core.task.port.out.TaskRepository)
                java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[] {org.crmkit.core.task.port.out.TaskRepository.class}, (proxy, method, args) -> {
                            if (method.getName().equals("update")
                                    && ((org.crmkit.core.task.TaskSnapshot) args[0]).id().equals(poisoned.id())) {
                                throw new org.crmkit.core.shared.PersistenceFailureException("disk full", null);
                            }
                            try {
                                return method.invoke(real, args);
                            } catch (java.lang.reflect.InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });

        ReminderRun run = tasksWith(notifier, failing).sendDueReminders(JOB,
                new SendDueRemindersCommand(clock.instant()));

        assertThat(run).isEqualTo(new ReminderRun(2, 1, 1, 0));
        TaskView stillDue = tasks.findById(rep, poisoned.id()).orElseThrow();
        assertThat(stillDue).as("rolled back: still due, nothing recorded").isEqualTo(poisoned);
        assertThat(tasks.findById(rep, fine.id()).orElseThrow().reminderSentAt()).isEqualTo(clock.instant());
    }

    @Test
    void twoReminderRunsAtOnceOnOneStoreHandEveryReminderOverExactlyOnce() throws Exception {
        Crm second = Crm.builder().clock(clock).persistence(persistence).reminderNotifier(notifier).build();
        List<TaskId> created = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            created.add(create(SYSTEM, "Reminder " + i, Duration.ofDays(1), id(i % 2 == 0 ? rep : colleague), null,
                    Duration.ofMinutes(1 + i % 7)).id());
        }
        clock.advance(Duration.ofHours(1));

        List<ParallelCalls.Outcome<ReminderRun>> runs = ParallelCalls.run(2, i -> () -> (i == 0 ? crm : second)
                .tasks().sendDueReminders(JOB, new SendDueRemindersCommand(clock.instant())));

        assertThat(runs).allMatch(ParallelCalls.Outcome::succeeded);
        assertThat(runs.stream().mapToLong(r -> r.value().sent()).sum()).isEqualTo(250);
        assertThat(notifier.counts()).hasSize(250).allSatisfy((task, count) -> assertThat(count).isEqualTo(1));
        assertThat(notifier.counts().keySet()).containsExactlyInAnyOrderElementsOf(created);
    }

    @Test
    void theSystemCreatesTasksForAnyActiveStaffUser() {
        TaskView task = create(SYSTEM, "Imported follow-up", Duration.ofDays(1), id(outsider), null, null);
        assertThat(task.createdBy()).isNull();
        assertThat(task.departmentId()).isNull();
        assertThat(tasks.myTasks(outsider, MyTasksQuery.open(10)).items()).extracting(TaskView::id)
                .containsExactly(task.id());
    }

    @Test
    void erasingACustomerErasesWhatTheirTasksSayAndKeepsTheTasks() {
        TaskView open = tasks.create(rep, new CreateTaskCommand("Call Carl Client on +44 20 7946 0000",
                "He lives at 1 Main Street", in(Duration.ofDays(1)), TaskPriority.HIGH, null,
                TaskLinkData.customer(customer), in(Duration.ofHours(1))));
        TaskView done = tasks.complete(rep, new TaskStatusCommand(tasks.create(rep, new CreateTaskCommand(
                "Visit Carl", null, in(Duration.ofDays(1)), TaskPriority.LOW, null, TaskLinkData.customer(customer),
                null)).id(), null));
        TaskView unrelated = create(rep, "Unrelated", Duration.ofDays(1), null, null, null);
        Actor crmManager = TestStaff.enrol(crm, StaffId.next(clock), Role.CRM_MANAGER);
        clock.advance(Duration.ofMinutes(1));
        publisher.clear();

        crm.customers().erase(crmManager, customer);

        for (TaskView before : List.of(open, done)) {
            TaskView after = tasks.findById(rep, before.id()).orElseThrow();
            assertThat(after.title()).isEqualTo(org.crmkit.core.task.internal.domain.Task.ERASED_TITLE);
            assertThat(after.description()).isNull();
            assertThat(after.link()).isEqualTo(TaskLinkData.customer(customer));
            assertThat(after.status()).isEqualTo(before.status());
            assertThat(after.version()).isEqualTo(before.version() + 1);
        }
        assertThat(tasks.findById(rep, unrelated.id())).contains(unrelated);
        assertThat(publisher.events()).contains(new TaskEvents.TaskUpdated(open.id(), clock.instant()),
                new TaskEvents.TaskUpdated(done.id(), clock.instant()));
        assertThat(publisher.insideTransaction()).containsOnly(false);
    }
}
