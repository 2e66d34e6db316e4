package org.crmkit.core.ticket.port.in;

import java.time.Duration;
import java.time.Instant;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketPriority;

/**
 * A running SLA target close to its due instant.
 *
 * @param ticketId  the ticket
 * @param priority  its priority
 * @param target    the target
 * @param dueAt     when it is due
 * @param remaining business time left
 * @param shareLeft remaining divided by the target, 0 to 1
 */
public record AtRiskTicket(TicketId ticketId, TicketPriority priority, SlaTarget target, Instant dueAt,
                           Duration remaining, double shareLeft) {
}
