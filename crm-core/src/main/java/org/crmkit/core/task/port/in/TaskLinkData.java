package org.crmkit.core.task.port.in;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.task.TaskLink;
import org.crmkit.core.task.TaskLinkKind;

/**
 * What a task is about, as a command names it or a view shows it. A customer link must name a customer the caller may
 * see; a lead link is stored as given; a ticket link is refused ({@code task_link_unsupported}) until the ticket area
 * exists.
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

    /** @param link a stored link, or {@code null} @return its data, or {@code null} */
    public static TaskLinkData of(TaskLink link) {
        return link == null ? null : new TaskLinkData(link.kind(), link.id());
    }

    /** @return the link as the domain holds it */
    public TaskLink toLink() {
        return new TaskLink(kind, id);
    }
}
