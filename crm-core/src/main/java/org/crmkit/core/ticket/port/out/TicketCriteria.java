package org.crmkit.core.ticket.port.out;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.TicketStatus;

/**
 * Filters of a ticket search, all optional ({@code null} or empty: no filter), combined with AND. The scope fields
 * narrow the search to what the caller may see: {@code scopeCustomer} to one customer's tickets;
 * {@code scopeAgent}/{@code scopeDepartment} to tickets assigned to the agent OR in the department's queue.
 *
 * @param statuses        any of these statuses
 * @param priority        this priority
 * @param assignee        assigned to this agent
 * @param department      in this department's queue
 * @param customer        of this customer
 * @param category        of this category (exact)
 * @param breachedAsOf    only tickets with a target missed as of this instant (see {@code Ticket.breached})
 * @param createdFrom     submitted at or after
 * @param createdBefore   submitted before
 * @param text            the subject contains this, ignoring case (already lower-cased, Locale.ROOT)
 * @param scopeCustomer   the caller is this customer
 * @param scopeAgent      the caller is this agent
 * @param scopeDepartment the caller's department
 */
public record TicketCriteria(Set<TicketStatus> statuses, TicketPriority priority, StaffId assignee,
                             DepartmentId department, CustomerId customer, String category, Instant breachedAsOf,
                             Instant createdFrom, Instant createdBefore, String text, CustomerId scopeCustomer,
                             StaffId scopeAgent, DepartmentId scopeDepartment) {
    /** Copies the statuses. */
    public TicketCriteria {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
    }

    /** @return criteria without any filter */
    public static TicketCriteria any() {
        return new TicketCriteria(Set.of(), null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
