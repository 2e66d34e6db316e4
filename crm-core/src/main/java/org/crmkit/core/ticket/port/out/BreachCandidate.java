package org.crmkit.core.ticket.port.out;

import java.time.Instant;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;

/**
 * A missed SLA target whose breach nobody has been notified of yet.
 *
 * @param ticketId the ticket
 * @param target   the target
 * @param dueAt    when it was due
 */
public record BreachCandidate(TicketId ticketId, SlaTarget target, Instant dueAt) {
}
