package org.crmkit.core.ticket.internal.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.TicketSlaState;

/**
 * A ticket's running SLA targets read from its row alone ({@link TicketSlaState}), without replaying its history: what
 * a scan of many pending tickets ({@code tickets.atRisk}) needs. It answers as {@link Ticket#remaining} does: a
 * target's clock stands exactly when the ticket's current status makes it stand, since the submission and every
 * change of status append a status entry, so the last one the clock replays is the status the row holds.
 */
public final class SlaStanding {
    private SlaStanding() {
    }

    /**
     * @param ticket   a ticket's SLA figures
     * @param target   which target
     * @param calendar the working time
     * @param asOf     the instant asked about
     * @return the business time left to the target, if its clock runs and it is neither met nor missed (as
     *         {@link Ticket#remaining} answers for the same ticket)
     */
    public static Optional<Duration> remaining(TicketSlaState ticket, SlaTarget target, BusinessCalendar calendar,
                                               Instant asOf) {
        return TicketSla.remaining(ticket.dueAt(target), ticket.metAt(target),
                TicketSla.standsIn(target, ticket.status()), calendar, asOf);
    }
}
