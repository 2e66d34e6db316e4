package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.SlaTargets;
import org.crmkit.core.ticket.TicketStatus;

/**
 * A ticket's SLA figures: its targets, and for each target the instant it falls due and the instant it was met. The
 * clocks are replayed from the submission and the status history, so the due instants follow every status change.
 */
final class TicketSla {
    private final Instant createdAt;
    private final TicketHistory history;
    private SlaTargets targets;
    private Instant firstResponseDueAt;
    private Instant firstRespondedAt;
    private Instant resolutionDueAt;
    private Instant resolvedAt;

    TicketSla(TicketSnapshot s, TicketHistory history) {
        this.createdAt = s.createdAt();
        this.history = history;
        this.targets = s.targets();
        this.firstResponseDueAt = s.firstResponseDueAt();
        this.firstRespondedAt = s.firstRespondedAt();
        this.resolutionDueAt = s.resolutionDueAt();
        this.resolvedAt = s.resolvedAt();
    }

    SlaTargets targets() {
        return targets;
    }

    /** Takes the targets of a new priority, counted from the submission; call {@link #refresh} after. */
    void retarget(SlaTargets to) {
        targets = to;
    }

    /** A first response: met now unless it was met before. */
    void responded(Instant now) {
        if (firstRespondedAt == null) {
            firstRespondedAt = now;
        }
    }

    /**
     * A resolution meets the resolution target (and the first response's, if still open); leaving the resolved status
     * for any but closed opens the resolution target again.
     */
    void statusChanged(TicketStatus from, TicketStatus to, Instant now) {
        if (to == TicketStatus.RESOLVED) {
            resolvedAt = now;
            responded(now);
        } else if (from == TicketStatus.RESOLVED && to != TicketStatus.CLOSED) {
            resolvedAt = null;
        }
    }

    /** Recomputes the due instants of the targets not met yet. */
    void refresh(BusinessCalendar calendar) {
        if (firstRespondedAt == null) {
            firstResponseDueAt = clock(SlaTarget.FIRST_RESPONSE).dueAt(calendar, targets.firstResponse())
                    .orElse(null);
        }
        if (resolvedAt == null) {
            resolutionDueAt = clock(SlaTarget.RESOLUTION).dueAt(calendar, targets.resolution()).orElse(null);
        }
    }

    /** The target's clock, replayed from the status history; see {@link Ticket#clock}. */
    SlaClock clock(SlaTarget target) {
        Predicate<String> stands = target == SlaTarget.FIRST_RESPONSE
                ? s -> s.equals(TicketStatus.WAITING_ON_CUSTOMER.name())
                : s -> !TicketStatus.valueOf(s).isPending() || s.equals(TicketStatus.WAITING_ON_CUSTOMER.name());
        SlaClock clock = SlaClock.startedAt(createdAt);
        for (HistoryEntry e : history.entries()) {
            if (e.kind() == HistoryKind.STATUS) {
                clock = stands.test(e.to()) ? clock.pause(e.at()) : clock.resume(e.at());
            }
        }
        return clock;
    }

    /** See {@link Ticket#breached}. */
    boolean breached(SlaTarget target, Instant asOf) {
        Instant due = dueAt(target);
        Instant met = metAt(target);
        return due != null && due.isBefore(asOf) && (met == null || met.isAfter(due));
    }

    /** See {@link Ticket#remaining}. */
    Optional<Duration> remaining(SlaTarget target, BusinessCalendar calendar, Instant asOf) {
        Instant due = dueAt(target);
        if (metAt(target) != null || due == null || due.isBefore(asOf) || clock(target).paused()) {
            return Optional.empty();
        }
        return Optional.of(calendar.between(asOf, due));
    }

    Instant dueAt(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstResponseDueAt : resolutionDueAt;
    }

    Instant metAt(SlaTarget target) {
        return target == SlaTarget.FIRST_RESPONSE ? firstRespondedAt : resolvedAt;
    }
}
