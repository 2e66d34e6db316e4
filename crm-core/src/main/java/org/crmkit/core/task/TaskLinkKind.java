package org.crmkit.core.task;

/** What a task can be about. */
public enum TaskLinkKind {
    /** A customer ({@code CustomerId}). */
    CUSTOMER,
    /** A lead of the sales pipeline ({@code LeadId}); moved to the customer when the lead is converted. */
    LEAD,
    /** A support ticket; not accepted until the ticket area exists. */
    TICKET
}
