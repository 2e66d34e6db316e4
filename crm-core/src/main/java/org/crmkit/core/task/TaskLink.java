package org.crmkit.core.task;

import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.ticket.TicketId;

/**
 * What a task is about: a record of another area, by kind and id.
 *
 * @param kind the kind of record
 * @param id   its id
 */
public record TaskLink(TaskLinkKind kind, UUID id) {
    /** Checks presence. */
    public TaskLink {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    /** @param customer a customer @return a link to them */
    public static TaskLink customer(CustomerId customer) {
        return new TaskLink(TaskLinkKind.CUSTOMER, customer.value());
    }

    /** @param lead a lead @return a link to it */
    public static TaskLink lead(LeadId lead) {
        return new TaskLink(TaskLinkKind.LEAD, lead.value());
    }

    /** @param ticket a support ticket @return a link to it */
    public static TaskLink ticket(TicketId ticket) {
        return new TaskLink(TaskLinkKind.TICKET, ticket.value());
    }
}
