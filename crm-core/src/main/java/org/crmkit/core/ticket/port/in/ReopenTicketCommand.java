package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.ticket.TicketId;

/**
 * A customer reopens their resolved ticket within the reopen window.
 *
 * @param ticketId the ticket
 * @param reason   why, up to 500 characters, or {@code null}
 */
public record ReopenTicketCommand(@NotNull TicketId ticketId, @Size(max = 500) String reason) {
}
