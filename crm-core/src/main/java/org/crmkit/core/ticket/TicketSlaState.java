package org.crmkit.core.ticket;

import java.time.Instant;
import java.util.Objects;

/**
 * A ticket's SLA figures as its row holds them, without its texts, comments or history: what a scan of pending
 * tickets for their running targets ({@code tickets.atRisk}) reads. Whether a target's clock stands follows from the
 * status (every status change is in the history, so the history's last status is this one): both stand while the
 * ticket waits on the customer, the resolution clock also once it is resolved or closed.
 *
 * @param id                 the ticket
 * @param priority           its priority
 * @param status             its status
 * @param targets            its SLA targets
 * @param firstResponseDueAt when the first response is due; {@code null} while the clock stands short of it
 * @param firstRespondedAt   when it was first answered publicly, or {@code null}
 * @param resolutionDueAt    when the resolution is due; {@code null} while the clock stands short of it
 * @param resolvedAt         when it was last resolved, or {@code null}
 */
public record TicketSlaState(TicketId id, TicketPriority priority, TicketStatus status, SlaTargets targets,
                             Instant firstResponseDueAt, Instant firstRespondedAt, Instant resolutionDueAt,
                             Instant resolvedAt) {
    /** Checks the required parts. */
    public TicketSlaState {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(targets, "targets");
    }

    /**
     * @param snapshot a ticket's stored state
     * @return its SLA figures
     */
    public static TicketSlaState of(TicketSnapshot snapshot) {
        return new TicketSlaState(snapshot.id(), snapshot.priority(), snapshot.status(), snapshot.targets(),
                snapshot.firstResponseDueAt(), snapshot.firstRespondedAt(), snapshot.resolutionDueAt(),
                snapshot.resolvedAt());
    }

    /** @param target which @return when it is due, or {@code null} while its clock stands short of it */
    public Instant dueAt(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseDueAt : resolutionDueAt;
    }

    /** @param target which @return when it was met, or {@code null} */
    public Instant metAt(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstRespondedAt : resolvedAt;
    }
}
