package org.crmkit.core.ticket;

/** What a history entry of a ticket records. */
public enum HistoryKind {
    /** The status changed. */
    STATUS,
    /** The priority changed (an escalation). */
    PRIORITY,
    /** The assignee or the department queue changed. */
    ASSIGNMENT
}
