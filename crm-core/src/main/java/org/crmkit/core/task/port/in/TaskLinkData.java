package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskLinkKind;
import org.crmkit.core.ticket.TicketId;

/**
 * What a task is about, as a command names it or a view shows it. The record must exist and the caller must be allowed
 * to read it through its own area, checked as the caller: a customer through {@code customers.findById} (and not
 * erased), a lead through {@code leads.findById} (and not converted: link its customer), a ticket through
 * {@code tickets.findById} (and its customer not erased). An unknown record is a bad command on {@code link.id}; one
 * the caller may not read is refused as that area's read would refuse it ({@code access_denied}, audited).
 *
 * @param kind the kind of record
 * @param id   its id
 */
public record TaskLinkData(@NotNull TaskLinkKind kind, @NotNull UUID id) {

    /** @param customer a customer @return a link to them */
    public static TaskLinkData customer(CustomerId customer) {
        return new TaskLinkData(TaskLinkKind.CUSTOMER, customer.value());
    }

    /** @param lead a lead @return a link to it */
    public static TaskLinkData lead(LeadId lead) {
        return new TaskLinkData(TaskLinkKind.LEAD, lead.value());
    }

    /** @param ticket a support ticket @return a link to it */
    public static TaskLinkData ticket(TicketId ticket) {
        return new TaskLinkData(TaskLinkKind.TICKET, ticket.value());
    }

    /** @param link a stored link, or {@code null} @return its data, or {@code null} */
    public static TaskLinkData of(TaskLink link) {
        return link == null ? null : new TaskLinkData(link.kind(), link.id());
    }

    /** @return the link as the domain holds it */
    public TaskLink toLink() {
        return new TaskLink(kind, id);
    }
}
