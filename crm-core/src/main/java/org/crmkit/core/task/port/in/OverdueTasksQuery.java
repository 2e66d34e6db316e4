package org.crmkit.core.task.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;

/**
 * Open tasks past their due time (as of the clock), among those the caller may see.
 *
 * @param assigneeId only tasks assigned to this staff user, or {@code null} for everyone's
 * @param sort       by due time, longest overdue or most recently due first
 * @param page       size and cursor
 */
public record OverdueTasksQuery(StaffId assigneeId, @NotNull TaskSort sort, @NotNull @Valid PageRequest page) {

    /** @param size page size @return the first page of every visible overdue task, longest overdue first */
    public static OverdueTasksQuery all(int size) {
        return new OverdueTasksQuery(null, TaskSort.DUE_ASC, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public OverdueTasksQuery next(Page<?> previous) {
        return new OverdueTasksQuery(assigneeId, sort,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
