package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketStatus;

/**
 * Staff move a ticket along a documented transition (see {@link TicketStatus}).
 *
 * @param ticketId        the ticket
 * @param status          the next status
 * @param reason          why, up to 500 characters, or {@code null}
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 */
public record ChangeTicketStatusCommand(@NotNull TicketId ticketId, @NotNull TicketStatus status,
                                        @Size(max = 500) String reason, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param ticketId the ticket
     * @param status   the next status
     * @param reason   why, up to 500 characters, or {@code null}
     */
    public ChangeTicketStatusCommand(TicketId ticketId, TicketStatus status, String reason) {
        this(ticketId, status, reason, null);
    }
}
