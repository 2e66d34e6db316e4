package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.Set;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.task.TaskStatus;

/**
 * The tasks about one record (a customer, a lead or a support ticket), among those the caller may see.
 *
 * @param link     the record, which the caller must be allowed to read through its own area
 * @param statuses only tasks in these states; {@code null} or empty for every state, as in every search
 * @param sort     by due time, soonest or latest first
 * @param page     size and cursor
 */
public record LinkedTasksQuery(@NotNull @Valid TaskLinkData link, Set<@NotNull TaskStatus> statuses,
                               @NotNull TaskSort sort, @NotNull @Valid PageRequest page) {

    /**
     * @param link the record
     * @param size page size
     * @return the first page of every task about the record the caller may see, in every state, soonest due first
     */
    public static LinkedTasksQuery of(TaskLinkData link, int size) {
        return new LinkedTasksQuery(link, null, TaskSort.DUE_ASC, PageRequest.first(size));
    }

    /**
     * @param link the record
     * @param size page size
     * @return the first page of the open tasks about the record the caller may see, soonest due first
     */
    public static LinkedTasksQuery open(TaskLinkData link, int size) {
        return new LinkedTasksQuery(link, TaskStatus.OPEN, TaskSort.DUE_ASC, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public LinkedTasksQuery next(Page<?> previous) {
        return new LinkedTasksQuery(link, statuses, sort,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
