package org.crmkit.core.task;

/** What a task can be about. */
public enum TaskLinkKind {
    /** A customer ({@code CustomerId}). */
    CUSTOMER,
    /** A lead of the sales pipeline ({@code LeadId}); moved to the customer when the lead is converted. */
    LEAD,
    /**
     * A support ticket ({@code TicketId}): the caller must be allowed to read the ticket ({@code tickets.findById}),
     * and its customer must not be erased.
     */
    TICKET
}
