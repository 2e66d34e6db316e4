package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.task.TaskStatus;

/**
 * The caller's own tasks: those assigned to them.
 *
 * @param statuses only tasks in these states; {@code null} or empty for every state, as in every search (use
 *                 {@link #open(int)} for the open ones)
 * @param sort     by due time, soonest or latest first
 * @param page     size and cursor
 */
public record MyTasksQuery(Set<@NotNull TaskStatus> statuses, @NotNull TaskSort sort,
                           @NotNull @Valid PageRequest page) {

    /** @param size page size @return the first page of the caller's open tasks, soonest due first */
    public static MyTasksQuery open(int size) {
        return new MyTasksQuery(TaskStatus.OPEN, TaskSort.DUE_ASC, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public MyTasksQuery next(Page<?> previous) {
        return new MyTasksQuery(statuses, sort,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
