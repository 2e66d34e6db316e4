package org.crmkit.core.interaction.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * Whose timeline, and which page: exactly one of a customer and a lead.
 *
 * @param customerId the customer, or {@code null}
 * @param leadId     the lead, or {@code null}
 * @param page       size and cursor
 */
public record TimelineQuery(CustomerId customerId, LeadId leadId, @NotNull @Valid PageRequest page) {

    /** @param customerId the customer @param size page size @return the first page of their timeline */
    public static TimelineQuery ofCustomer(CustomerId customerId, int size) {
        return new TimelineQuery(customerId, null, PageRequest.first(size));
    }

    /** @param leadId the lead @param size page size @return the first page of its timeline */
    public static TimelineQuery ofLead(LeadId leadId, int size) {
        return new TimelineQuery(null, leadId, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public TimelineQuery next(Page<?> previous) {
        return new TimelineQuery(customerId, leadId, page.next(previous.nextCursor().orElseThrow()));
    }
}
