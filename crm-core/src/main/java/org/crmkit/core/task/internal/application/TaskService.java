package org.crmkit.core.task.internal.application;

import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.task.internal.domain.Task;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskSnapshot;
import org.crmkit.core.task.port.in.CreateTaskCommand;
import org.crmkit.core.task.port.in.LinkedTasksQuery;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.ReassignTaskCommand;
import org.crmkit.core.task.port.in.ReminderRun;
import org.crmkit.core.task.port.in.SendDueRemindersCommand;
import org.crmkit.core.task.port.in.TaskStatusCommand;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.in.Tasks;
import org.crmkit.core.task.port.in.UpdateTaskCommand;
import org.crmkit.core.task.port.out.ReminderNotifier;
import org.crmkit.core.task.TaskPermission;

/**
 * The task use cases. A task is its assignee's record and its creator's, and belongs to the department the assignee
 * was in when it was assigned: a call is allowed when the policy allows it on the task seen as either's record. The
 * assignee is checked through the staff use cases (as the system: an assignee must be an active staff user, whoever
 * may see their profile), a link through {@link TaskLinkCheck} (as the caller).
 */
final class TaskService implements Tasks {
    static final String TYPE = "task";

    private final UseCaseSupport support;
    private final TaskStore tasks;
    private final StaffDirectory staff;
    private final TaskLinkCheck links;
    private final ReminderSender reminders;
    private final TaskLists lists;

    TaskService(UseCaseSupport support, TaskStore tasks, StaffDirectory staff, TaskLinkCheck links,
                ReminderNotifier notifier) {
        this.support = support;
        this.tasks = tasks;
        this.staff = staff;
        this.links = links;
        this.reminders = new ReminderSender(support, tasks, notifier);
        this.lists = new TaskLists(support, tasks, links);
    }

    @Override
    public TaskView create(Actor actor, CreateTaskCommand command) {
        record Times(Instant dueAt, Instant remindAt) {
        }
        // the constraints and every rule of the task's own fields together: every bad field in one refusal
        Times times = support.validate(actor, command, checks -> {
            Instant now = support.now();
            checks.attempt(() -> Task.checkTitle(command.title()));
            checks.attempt(() -> Task.checkDescription(command.description()));
            Instant due = command.dueAt() == null ? null : checks.attempt(() -> {
                Instant bounded = StoredTime.bound("dueAt", command.dueAt());
                Task.checkNewDueAt(bounded, now);
                return bounded;
            });
            Instant remind = command.reminderAt() == null ? null : checks.attempt(() -> {
                Instant bounded = StoredTime.bound("reminderAt", command.reminderAt());
                Task.checkNewReminderAt(bounded, due, now);
                return bounded;
            });
            return new Times(due, remind);
        });
        Instant dueAt = times.dueAt();
        Instant remindAt = times.remindAt();
        return support.transaction(() -> {
            StaffId creator = actor instanceof Actor.Staff s ? s.id() : null;
            support.authorize(actor, TaskPermission.TASK_MANAGE,
                    creator == null ? AccessTarget.none() : AccessTarget.staff(creator, null), "task.create", TYPE,
                    null);
            StaffId assigneeId = command.assigneeId() != null ? command.assigneeId() : creator;
            if (assigneeId == null) {
                throw new InvalidCommandException(List.of(new FieldError("assigneeId",
                        "must be given when the caller is not a staff user")));
            }
            StaffView assignee = activeStaff(assigneeId);
            TaskLink link = links.check(actor, command.link());
            Task task = UseCaseSupport.commandField(() -> Task.create(TaskId.next(support.clock()), command.title(),
                    command.description(), dueAt, command.priority(), assignee.id(), assignee.department(), creator,
                    link, remindAt, support.now()));
            return support.once(actor, "task.create", command.idempotencyKey(), command, () -> {
                tasks.add(task);
                support.audit(actor, "task.create", TYPE, task.id().value());
                support.publishAfterCommit(task.pullEvents());
                return TaskView.of(task.snapshot());
            }, v -> v.id().value(), id -> TaskView.of(tasks.findById(new TaskId(id)).orElseThrow().snapshot()));
        });
    }

    @Override
    public TaskView update(Actor actor, UpdateTaskCommand command) {
        record Times(Instant dueAt, Optional<Instant> remindAt) {
        }
        // the constraints and the rules of the fields named that need no stored task together; the times are
        // checked against the stored ones once the task is loaded
        Times times = support.validate(actor, command, checks -> {
            if (command.title() != null) {
                checks.attempt(() -> Task.checkTitle(command.title()));
            }
            if (command.description() != null) {
                command.description().ifPresent(d -> checks.attempt(() -> Task.checkDescription(d)));
            }
            Instant due = command.dueAt() == null ? null
                    : checks.attempt(() -> StoredTime.bound("dueAt", command.dueAt()));
            Optional<Instant> remind = command.reminderAt() == null ? null : command.reminderAt()
                    .map(at -> checks.attempt(() -> StoredTime.bound("reminderAt", at)));
            return new Times(due, remind);
        });
        Instant dueAt = times.dueAt();
        Optional<Instant> remindAt = times.remindAt();
        return change(actor, "task.update", command.taskId(), command.expectedVersion(), task -> {
            TaskSnapshot now = task.snapshot();
            TaskLink link = command.link() == null ? now.link() : command.link()
                    .map(asked -> asked.toLink().equals(now.link()) ? now.link() : links.check(actor, asked))
                    .orElse(null);
            UseCaseSupport.commandField(() -> {
                task.revise(command.title() == null ? now.title() : command.title(),
                        command.description() == null ? now.description() : command.description().orElse(null),
                        dueAt == null ? now.dueAt() : dueAt,
                        command.priority() == null ? now.priority() : command.priority(), link,
                        remindAt == null ? now.remindAt() : remindAt.orElse(null), support.now());
                return task;
            });
        });
    }

    @Override
    public TaskView reassign(Actor actor, ReassignTaskCommand command) {
        support.validate(actor, command);
        return change(actor, "task.reassign", command.taskId(), command.expectedVersion(), task -> {
            StaffView to = activeStaff(command.assigneeId());
            task.reassign(to.id(), to.department(), support.now());
        });
    }

    @Override
    public TaskView start(Actor actor, TaskStatusCommand command) {
        support.validate(actor, command);
        return change(actor, "task.start", command.taskId(), command.expectedVersion(),
                task -> task.start(support.now()));
    }

    @Override
    public TaskView complete(Actor actor, TaskStatusCommand command) {
        support.validate(actor, command);
        return change(actor, "task.complete", command.taskId(), command.expectedVersion(),
                task -> task.complete(support.now()));
    }

    @Override
    public TaskView cancel(Actor actor, TaskStatusCommand command) {
        support.validate(actor, command);
        return change(actor, "task.cancel", command.taskId(), command.expectedVersion(),
                task -> task.cancel(support.now()));
    }

    @Override
    public Optional<TaskView> findById(Actor actor, TaskId taskId) {
        support.validate(actor, new Arguments.TaskIdQuery(taskId));
        return support.transaction(() -> {
            Optional<Task> found = tasks.findById(taskId);
            support.authorizeAny(actor, TaskPermission.TASK_VIEW, targetsOf(found), "task.view", TYPE, taskId.value());
            return found.map(t -> TaskView.of(t.snapshot()));
        });
    }

    @Override
    public Page<TaskView> myTasks(Actor actor, MyTasksQuery query) {
        return lists.myTasks(actor, query);
    }

    @Override
    public Page<TaskView> overdue(Actor actor, OverdueTasksQuery query) {
        return lists.overdue(actor, query);
    }

    @Override
    public Page<TaskView> linkedTo(Actor actor, LinkedTasksQuery query) {
        return lists.linkedTo(actor, query);
    }

    @Override
    public ReminderRun sendDueReminders(Actor actor, SendDueRemindersCommand command) {
        return reminders.send(actor, command);
    }

    private TaskView change(Actor actor, String action, TaskId id, Long expectedVersion, Consumer<Task> domainCall) {
        return support.transaction(() -> {
            Optional<Task> found = tasks.findById(id);
            support.authorizeAny(actor, TaskPermission.TASK_MANAGE, targetsOf(found), action, TYPE, id.value());
            Task task = found.orElseThrow(() -> new NotFoundException(TYPE, id));
            support.applyChange(actor, action, TYPE, id.value(), task, expectedVersion, domainCall, tasks::update);
            return TaskView.of(task.snapshot());
        });
    }

    /**
     * Whose record a task is: its assignee's (in the department it belongs to) and its creator's. A task that does
     * not exist is nobody's, so only an unrestricted grant learns that it does not.
     */
    static List<AccessTarget> targetsOf(Optional<Task> task) {
        if (task.isEmpty()) {
            return List.of(AccessTarget.none());
        }
        TaskSnapshot s = task.get().snapshot();
        List<AccessTarget> targets = new ArrayList<>();
        targets.add(AccessTarget.staff(s.assignee(), s.department()));
        if (s.createdBy() != null && !Objects.equals(s.createdBy(), s.assignee())) {
            targets.add(AccessTarget.staff(s.createdBy(), null));
        }
        return targets;
    }

    /** @return the staff user, who must exist and be active to be given a task */
    private StaffView activeStaff(StaffId id) {
        return staff.find(id).filter(StaffView::active).orElseThrow(() -> new InvalidCommandException(
                List.of(new FieldError("assigneeId", "must name an active staff user"))));
    }
}
