package org.crmkit.core.ticket;

/** How urgent a ticket is, lowest first: an escalation moves a ticket to a later constant. */
public enum TicketPriority {
    /** Can wait. */
    LOW,
    /** The default. */
    NORMAL,
    /** Hurts the customer. */
    HIGH,
    /** Stops the customer. */
    URGENT
}
