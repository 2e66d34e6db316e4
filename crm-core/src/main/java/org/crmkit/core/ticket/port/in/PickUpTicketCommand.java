package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.ticket.TicketId;

/**
 * An agent takes an unassigned ticket of their department's queue.
 *
 * @param ticketId        the ticket
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record PickUpTicketCommand(@NotNull TicketId ticketId, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param ticketId the ticket
     */
    public PickUpTicketCommand(TicketId ticketId) {
        this(ticketId, null);
    }
}
