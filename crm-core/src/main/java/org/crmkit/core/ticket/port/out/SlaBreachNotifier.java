package org.crmkit.core.ticket.port.out;

import java.time.Instant;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.SlaTarget;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hears about each missed SLA target once ({@code checkSla} claims a breach before it calls the notifier). A notifier
 * that throws gives the claim back, so the next {@code checkSla} run tries again. Called outside any transaction.
 */
@FunctionalInterface
public interface SlaBreachNotifier {

    /**
     * @param ticketId the ticket
     * @param target   the missed target
     * @param dueAt    when it was due
     */
    void breached(TicketId ticketId, SlaTarget target, Instant dueAt);

    /** @return the default: logs the ticket id and the target, nothing personal */
    static SlaBreachNotifier logging() {
        Logger log = LoggerFactory.getLogger(SlaBreachNotifier.class);
        return (ticket, target, dueAt) -> log.warn("SLA breached: ticket {} missed {} (due {})", ticket, target,
                dueAt);
    }
}
