package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.HistoryEntry;
import org.crmkit.core.ticket.TicketSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
        SlaClock clock = SlaClock.startedAt(createdAt);
        for (HistoryEntry e : history.entries()) {
            if (e.kind() == HistoryKind.STATUS) {
                clock = standsIn(target, TicketStatus.valueOf(e.to())) ? clock.pause(e.at()) : clock.resume(e.at());
            }
        }
        return clock;
    }

    /**
     * @return whether the target's clock stands while the ticket is in {@code status}: both while it waits on the
     *         customer, the resolution's also while it is resolved or closed
     */
    static boolean standsIn(SlaTarget target, TicketStatus status) {
        return status == TicketStatus.WAITING_ON_CUSTOMER
                || target == SlaTarget.RESOLUTION && !status.isPending();
    }

    /** See {@link Ticket#breached}. */
    boolean breached(SlaTarget target, Instant asOf) {
        Instant due = dueAt(target);
        Instant met = metAt(target);
        return due != null && due.isBefore(asOf) && (met == null || met.isAfter(due));
    }

    /** See {@link Ticket#remaining}. */
    Optional<Duration> remaining(SlaTarget target, BusinessCalendar calendar, Instant asOf) {
        return remaining(dueAt(target), metAt(target), clock(target).paused(), calendar, asOf);
    }

    /**
     * @param due    the target's due instant, or {@code null}
     * @param met    when it was met, or {@code null}
     * @param stands whether its clock stands
     * @return the business time from {@code asOf} to {@code due}, if the clock runs and the target is neither met nor
     *         missed as of {@code asOf}
     */
    static Optional<Duration> remaining(Instant due, Instant met, boolean stands, BusinessCalendar calendar,
                                        Instant asOf) {
        if (met != null || due == null || due.isBefore(asOf) || stands) {
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
