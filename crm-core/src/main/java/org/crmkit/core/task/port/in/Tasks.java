package org.crmkit.core.task.port.in;

import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.task.TaskId;

/**
 * Task use cases ({@code crm.tasks()}): staff work with a due time, a priority, an assignee, an optional link to a
 * customer, a lead or a support ticket, and an optional reminder. Every method takes the calling {@link Actor}, checks the command
 * ({@code InvalidCommandException} names each bad field), asks the access policy ({@code AccessDeniedException}),
 * runs in one transaction, audits a change in it and publishes its events after commit; nothing is written when any
 * step fails. A task is its assignee's and its creator's record, and belongs to the assignee's department: see
 * docs/authorization.md, "Tasks". Customers have no access to tasks.
 */
public interface Tasks {

    /**
     * Creates a task.
     *
     * <p>Retry: safe with an idempotency key: a retry with the same key returns the task the first call created;
     * without a key a retry may create a second task.
     *
     * @param actor   staff with {@code TASK_MANAGE}, or the system (which must name an assignee)
     * @param command the task
     * @return the new pending task
     * @throws org.crmkit.core.shared.InvalidCommandException a due time or reminder in the past, a reminder after the
     *                                                        due time, an assignee who is not an active staff user
     *                                                        ({@code assigneeId}), a link to no customer, lead or
     *                                                        ticket ({@code link.id}); see {@link TaskLinkData}
     * @throws org.crmkit.core.shared.AccessDeniedException a link to a record the caller may not read through its
     *                                                      own area (audited as that area's read)
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code customer_erased} for an erased customer or
     *                                                               a ticket of one, {@code lead_converted} for a
     *                                                               converted lead
     */
    TaskView create(Actor actor, CreateTaskCommand command);

    /**
     * Changes what an open task says.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the task says that already).
     *
     * @param actor   staff with {@code TASK_MANAGE} on the task
     * @param command what the task now says
     * @return the task
     * @throws org.crmkit.core.shared.BusinessRuleViolationException {@code task_closed} for a completed or cancelled
     *                                                               task
     * @throws org.crmkit.core.shared.ConflictException             {@code stale_version}
     */
    TaskView update(Actor actor, UpdateTaskCommand command);

    /**
     * Gives an open task to another active staff user.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the task has that assignee).
     *
     * @param actor   staff with {@code TASK_MANAGE} on the task
     * @param command the task and its new assignee
     * @return the task, now in the new assignee's department
     */
    TaskView reassign(Actor actor, ReassignTaskCommand command);

    /**
     * Starts an open task.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the task is in progress).
     *
     * @param actor staff with {@code TASK_MANAGE} on the task
     * @param command the task
     * @return it, in progress
     */
    TaskView start(Actor actor, TaskStatusCommand command);

    /**
     * Completes an open task.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code task_closed}. Either way nothing changes
     * twice.
     *
     * @param actor staff with {@code TASK_MANAGE} on the task
     * @param command the task
     * @return it, completed
     */
    TaskView complete(Actor actor, TaskStatusCommand command);

    /**
     * Cancels an open task.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code task_closed}. Either way nothing changes
     * twice.
     *
     * @param actor staff with {@code TASK_MANAGE} on the task
     * @param command the task
     * @return it, cancelled
     */
    TaskView cancel(Actor actor, TaskStatusCommand command);

    /**
     * Reads a task.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code TASK_VIEW} on the task
     * @param taskId the task
     * @return it, if it exists
     */
    Optional<TaskView> findById(Actor actor, TaskId taskId);

    /**
     * The caller's tasks.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor a staff user with {@code TASK_VIEW} (the system has no tasks of its own: an empty page)
     * @param query states, order and page
     * @return one page of the tasks assigned to the caller
     */
    Page<TaskView> myTasks(Actor actor, MyTasksQuery query);

    /**
     * Open tasks past their due time.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code TASK_VIEW}; the result is narrowed to the tasks the caller may see
     * @param query an assignee, order and page
     * @return one page of open tasks due before now
     */
    Page<TaskView> overdue(Actor actor, OverdueTasksQuery query);

    /**
     * The tasks about one record: a customer, a lead or a support ticket ("the tasks of this ticket"). The caller must
     * be allowed to read the record through its own area, as a link to it is checked ({@code customers.findById},
     * {@code leads.findById}, {@code tickets.findById} as the caller: refused and audited as that read would be), and
     * the page holds only the tasks the caller's own task grant reaches. An erased customer's tasks and a converted
     * lead's are still listed (their texts erased, their history kept).
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor staff with {@code TASK_VIEW} who may read the record; customers have no access
     * @param query the record, states, order and page
     * @return one page of the visible tasks linked to the record, by due time, then id
     * @throws org.crmkit.core.shared.InvalidCommandException no such record ({@code link.id}), a cursor of another
     *                                                        query ({@code page.cursor})
     * @throws org.crmkit.core.shared.AccessDeniedException no {@code TASK_VIEW}, or the record is not the caller's to
     *                                                      read
     */
    Page<TaskView> linkedTo(Actor actor, LinkedTasksQuery query);

    /**
     * Hands every reminder due at {@code asOf} to the {@code ReminderNotifier}. Each reminder is claimed first with a
     * lease committed in a transaction of its own, then handed over outside any transaction, then recorded (the lease
     * ended) in another, so that two runs at once (two host instances, on one database server or on several writing
     * nodes of a Galera cluster) do not hand one reminder over twice while its lease lasts. A notifier that throws
     * leaves the reminder due for the next run, its attempt counted. Reminders of completed or cancelled tasks do not
     * go out. Meant for a host's scheduled job, as the system actor.
     *
     * <p>Delivery is at least once: a reminder whose record is lost (the instance dies after the hand-over, or the
     * record fails) is claimed again when its lease (five minutes) ends and handed over again; the notifier
     * deduplicates on {@code DueReminder.idempotencyKey()} if that matters.
     *
     * <p>Retry: safe to run again: a reminder handed over and recorded is not handed over again, and one under a live
     * lease is skipped.
     *
     * @param actor   the system, or an administrator ({@code TASK_REMIND})
     * @param command the run's time, not in the future
     * @return what the run did
     */
    ReminderRun sendDueReminders(Actor actor, SendDueRemindersCommand command);
}
