package org.crmkit.core.task.internal.application;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.task.TaskId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskPermission;
import org.crmkit.core.task.TaskStatus;
import org.crmkit.core.task.internal.store.TaskStore;
import org.crmkit.core.task.port.in.LinkedTasksQuery;
import org.crmkit.core.task.port.in.MyTasksQuery;
import org.crmkit.core.task.port.in.OverdueTasksQuery;
import org.crmkit.core.task.port.in.TaskSort;
import org.crmkit.core.task.port.in.TaskView;
import org.crmkit.core.task.port.out.TaskSearchCriteria;

/**
 * The task lists: the caller's own tasks, the overdue ones and those about one record, each a keyset page by due time
 * and id whose cursor is bound to the query's filters and sort. A caller with a grant narrower than "any" gets only
 * the tasks it reaches (assigned to or created by them, or in their department), filtered by the store.
 */
final class TaskLists {
    private final UseCaseSupport support;
    private final TaskStore tasks;
    private final TaskLinkCheck links;

    TaskLists(UseCaseSupport support, TaskStore tasks, TaskLinkCheck links) {
        this.support = support;
        this.tasks = tasks;
        this.links = links;
    }

    Page<TaskView> myTasks(Actor actor, MyTasksQuery query) {
        support.validate(actor, query);
        Set<TaskStatus> statuses = statuses(query.statuses());
        String scope = Cursor.scope("task.mine/" + query.sort().name(),
                statuses.stream().map(Enum::name).sorted().toList());
        TaskSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TaskPermission.TASK_VIEW, "task.my_tasks",
                    TaskService.TYPE);
            if (!(grant.actor() instanceof Actor.Staff me)) {
                return Page.<TaskView>empty();
            }
            TaskSearchCriteria criteria = new TaskSearchCriteria(me.id(), null, statuses, null,
                    query.sort() == TaskSort.DUE_DESC, after);
            return page(criteria, size, scope);
        });
    }

    Page<TaskView> overdue(Actor actor, OverdueTasksQuery query) {
        support.validate(actor, query);
        String scope = Cursor.scope("task.overdue/" + query.sort().name(), query.assigneeId());
        TaskSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TaskPermission.TASK_VIEW, "task.overdue",
                    TaskService.TYPE);
            TaskSearchCriteria criteria = new TaskSearchCriteria(query.assigneeId(), visibility(grant),
                    TaskStatus.OPEN, support.now(), query.sort() == TaskSort.DUE_DESC, after);
            return page(criteria, size, scope);
        });
    }

    Page<TaskView> linkedTo(Actor actor, LinkedTasksQuery query) {
        support.validate(actor, query);
        Set<TaskStatus> statuses = statuses(query.statuses());
        String scope = Cursor.scope("task.linked/" + query.sort().name(), query.link().kind(), query.link().id(),
                statuses.stream().map(Enum::name).sorted().toList());
        TaskSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            // the task grant first (a customer is refused here), then the record as its own area lets the caller read it
            UseCaseSupport.Grant grant = support.authorizeScope(actor, TaskPermission.TASK_VIEW, "task.linked_to",
                    TaskService.TYPE);
            TaskLink link = links.visible(actor, query.link());
            TaskSearchCriteria criteria = new TaskSearchCriteria(null, visibility(grant), statuses, null,
                    query.sort() == TaskSort.DUE_DESC, after, link);
            return page(criteria, size, scope);
        });
    }

    /** No status filter means every status, as in every other search ({@code open} factories ask for the open ones). */
    private static Set<TaskStatus> statuses(Set<TaskStatus> asked) {
        return asked == null || asked.isEmpty() ? Set.of(TaskStatus.values()) : Set.copyOf(asked);
    }

    /** @return whose tasks a grant narrower than "any" reaches, or {@code null} for every task */
    private static TaskSearchCriteria.Visibility visibility(UseCaseSupport.Grant grant) {
        if (grant.scope() == AccessScope.ANY) {
            return null;
        }
        Actor.Staff me = (Actor.Staff) grant.actor();
        return new TaskSearchCriteria.Visibility(me.id(), grant.scope() == AccessScope.DEPARTMENT ? me.department()
                : null);
    }

    private Page<TaskView> page(TaskSearchCriteria criteria, int size, String scope) {
        return Page.slice(tasks.search(criteria, size + 1), size, t -> TaskView.of(t.snapshot()),
                t -> Cursor.encode(scope, List.of(t.snapshot().dueAt().toString(), t.id().toString())));
    }

    private static TaskSearchCriteria.Position decode(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, scope, 2);
        try {
            return new TaskSearchCriteria.Position(Instant.parse(values.get(0)), TaskId.parse(values.get(1)));
        } catch (java.time.format.DateTimeParseException | InvalidValueException e) {
            throw new InvalidValueException("page.cursor", "is not a cursor of this query");
        }
    }
}
