package org.crmkit.core.ticket.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;

/**
 * Filters of a ticket search, all optional and combined with AND; results come newest first (submission time, then
 * id), a page at a time.
 *
 * @param statuses      any of these statuses ({@code null} or empty: any)
 * @param priority      this priority
 * @param assignee      assigned to this agent
 * @param departmentId  in this department's queue
 * @param customerId    of this customer
 * @param category      of this category (exact)
 * @param breachedAsOf  only tickets with an SLA target missed as of this instant: due strictly before it and not
 *                      met by its due instant (met late, before or after this instant, or not at all)
 * @param createdFrom   submitted at or after
 * @param createdBefore submitted before
 * @param text          the subject contains this, ignoring case; up to 200 characters
 * @param page          size and cursor
 */
public record TicketSearchQuery(Set<@NotNull TicketStatus> statuses, TicketPriority priority, StaffId assignee,
                                DepartmentId departmentId, CustomerId customerId, String category,
                                Instant breachedAsOf, Instant createdFrom, Instant createdBefore,
                                @Size(max = 200) String text, @NotNull @Valid PageRequest page) {

    /** Reads a missing set of statuses as "any status". */
    public TicketSearchQuery {
        statuses = statuses == null ? Set.of() : statuses;
    }

    /** @param size the page size @return a query without filters */
    public static TicketSearchQuery all(int size) {
        return new TicketSearchQuery(Set.of(), null, null, null, null, null, null, null, null, null,
                PageRequest.first(size));
    }

    /** @param asOf the instant @param size the page size @return the tickets with a target missed as of then */
    public static TicketSearchQuery breached(Instant asOf, int size) {
        return new TicketSearchQuery(Set.of(), null, null, null, null, null, asOf, null, null, null,
                PageRequest.first(size));
    }

    /** @param cursor the previous page's next cursor @return the same query, next page */
    public TicketSearchQuery next(String cursor) {
        return new TicketSearchQuery(statuses, priority, assignee, departmentId, customerId, category, breachedAsOf,
                createdFrom, createdBefore, text, page.next(cursor));
    }
}
