package org.crmkit.core.ticket;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a ticket is in its life. The documented transitions:
 * <pre>
 * OPEN                -&gt; IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED
 * IN_PROGRESS         -&gt; WAITING_ON_CUSTOMER, RESOLVED
 * WAITING_ON_CUSTOMER -&gt; IN_PROGRESS (staff resume, or the customer answers), RESOLVED
 * RESOLVED            -&gt; CLOSED, IN_PROGRESS (a reopening)
 * CLOSED              (final: a new ticket refers to it instead)
 * </pre>
 */
public enum TicketStatus {
    /** Submitted, nobody works on it yet. */
    OPEN,
    /** Someone works on it. */
    IN_PROGRESS,
    /** Staff wait for the customer's answer: the SLA clocks stand still. */
    WAITING_ON_CUSTOMER,
    /** Solved; the customer may reopen it within the reopen window. */
    RESOLVED,
    /** Done for good. */
    CLOSED;

    /** @param to the next status @return whether the documented transitions lead from this status to {@code to} */
    public boolean canMoveTo(TicketStatus to) {
        return next().contains(to);
    }

    private Set<TicketStatus> next() {
        switch (this) {
            case OPEN:
                return EnumSet.of(IN_PROGRESS, WAITING_ON_CUSTOMER, RESOLVED);
            case IN_PROGRESS:
                return EnumSet.of(WAITING_ON_CUSTOMER, RESOLVED);
            case WAITING_ON_CUSTOMER:
                return EnumSet.of(IN_PROGRESS, RESOLVED);
            case RESOLVED:
                return EnumSet.of(CLOSED, IN_PROGRESS);
            default:
                return EnumSet.noneOf(TicketStatus.class);
        }
    }

    /** @return whether work on the ticket is pending (not resolved, not closed) */
    public boolean isPending() {
        return this == OPEN || this == IN_PROGRESS || this == WAITING_ON_CUSTOMER;
    }
}
