package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CrmError;
import org.crmkit.core.shared.PersistenceFailureException;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketEvents;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPermission;
import org.crmkit.core.ticket.TicketSlaState;
import org.crmkit.core.ticket.internal.domain.SlaStanding;
import org.crmkit.core.ticket.port.out.TicketCriteria;
import org.crmkit.core.ticket.port.in.AtRiskQuery;
import org.crmkit.core.ticket.port.in.AtRiskTicket;
import org.crmkit.core.ticket.port.in.SlaCheckResult;
import org.crmkit.core.ticket.port.out.BreachCandidate;
import org.crmkit.core.ticket.port.out.SlaBreachNotifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the tickets' SLA: which pending tickets are at risk of missing a target, and the breach run that claims
 * each breach once and hands it to the notifier, giving the claim back when the notifier fails.
 */
final class SlaWatch {
    /** Rows read per round trip by the scans of at-risk tickets and of breaches. */
    static final int BATCH = 200;
    private static final Logger LOG = LoggerFactory.getLogger(SlaWatch.class);

    private final UseCaseSupport support;
    private final TicketStore tickets;
    private final SupportSla sla;
    private final SlaBreachNotifier notifier;

    SlaWatch(UseCaseSupport support, TicketStore tickets, SupportSla sla, SlaBreachNotifier notifier) {
        this.support = support;
        this.tickets = tickets;
        this.sla = sla;
        this.notifier = notifier;
    }

    List<AtRiskTicket> atRisk(Actor actor, AtRiskQuery query) {
        // an instant business time cannot be counted to (Instant.MIN, say) is refused by name, not left to java.time
        support.validate(actor, query, checks -> StoredTime.bound("asOf", query.asOf()));
        // a dashboard: read where the adapter reads reports (a replica, possibly a little behind; ADR 14); acting on
        // a ticket listed here (pick up, escalate) reads it again on the primary
        return support.report(() -> support.authorizeScope(actor, TicketPermission.TICKET_VIEW, "ticket.at_risk",
                TicketAccess.TYPE), grant -> {
            Optional<TicketCriteria> scope = TicketAccess.narrowed(grant, TicketCriteria.any());
            if (scope.isEmpty()) {
                return List.<AtRiskTicket>of();
            }
            List<AtRiskTicket> found = new ArrayList<>();
            // a bounded scan of the pending tickets the caller reaches (the store applies the scope), BATCH rows at a
            // time and only their SLA columns: "at risk" depends on the share asked for and on business time, so it
            // is computed here, not in SQL
            TicketId after = null;
            List<TicketSlaState> batch;
            do {
                batch = tickets.findPendingSla(scope.get(), after, BATCH);
                for (TicketSlaState t : batch) {
                    atRisk(t, query).ifPresent(found::add);
                }
                after = batch.isEmpty() ? null : batch.get(batch.size() - 1).id();
            } while (batch.size() == BATCH);
            found.sort(Comparator.comparingDouble(AtRiskTicket::shareLeft)
                    .thenComparing(a -> a.ticketId().value().toString()));
            return found.stream().limit(query.limit()).toList();
        });
    }

    /** @return the ticket's target with the least share of its time left, when that share is below the one asked */
    private Optional<AtRiskTicket> atRisk(TicketSlaState t, AtRiskQuery query) {
        AtRiskTicket worst = null;
        for (SlaTarget target : SlaTarget.values()) {
            Optional<Duration> left = SlaStanding.remaining(t, target, sla.calendar(), query.asOf());
            if (left.isEmpty()) {
                continue;
            }
            Duration allowed = t.targets().of(target);
            double share = (double) left.get().toMillis() / allowed.toMillis();
            if (share < query.share() && (worst == null || share < worst.shareLeft())) {
                worst = new AtRiskTicket(t.id(), t.priority(), target, t.dueAt(target), left.get(), share);
            }
        }
        return Optional.ofNullable(worst);
    }

    SlaCheckResult checkSla(Actor actor, Instant asOf) {
        Instant now = support.validate(actor, new Arguments.CheckSlaArguments(asOf), checks -> asOf == null ? null
                : checks.attempt(() -> notInFuture(StoredTime.bound("now", asOf))));
        support.transaction(() -> support.authorize(actor, TicketPermission.TICKET_SLA_CHECK, AccessTarget.none(),
                "ticket.check_sla", TicketAccess.TYPE, null));
        SlaCheckResult result = new SlaCheckResult(0, 0);
        BreachCandidate after = null;
        List<BreachCandidate> batch;
        do {
            BreachCandidate from = after;
            batch = support.transaction(() -> tickets.findUnnotifiedBreaches(now, from, BATCH));
            result = notifyBatch(actor, batch, result);
            after = batch.isEmpty() ? null : batch.get(batch.size() - 1);
        } while (batch.size() == BATCH);
        return result;
    }

    /**
     * @param now a breach run's instant, within the storable years
     * @return it
     * @throws InvalidValueException ({@code now}) when it is after the clock's now: breaches judged at a later instant
     *                               have not happened yet, and a notified breach is never notified again
     */
    private Instant notInFuture(Instant now) {
        if (now.isAfter(support.now())) {
            throw new InvalidValueException("now", "must not be in the future");
        }
        return now;
    }

    /**
     * Claims each breach of a batch, in a transaction of its own, and notifies the ones this run claimed.
     *
     * @return the run's figures so far, this batch's added
     */
    private SlaCheckResult notifyBatch(Actor actor, List<BreachCandidate> batch, SlaCheckResult sum) {
        int notified = 0;
        int failed = 0;
        for (BreachCandidate c : batch) {
            Instant claimedAt = support.now();
            boolean mine;
            try {
                mine = support.transaction(() -> {
                    boolean claimed = tickets.claimBreach(c.ticketId(), c.target(), claimedAt);
                    if (claimed) {
                        support.audit(actor, "ticket.sla_breach", TicketAccess.TYPE, c.ticketId().value());
                    }
                    return claimed;
                });
            } catch (PersistenceFailureException e) {
                if (!e.is(CrmError.OUTCOME_UNKNOWN)) {
                    throw e;
                }
                // the claim's commit lost its acknowledgement: the claim is this run's when the mark holds its
                // instant, and then only this run can notify it (no later run sees the breach as unclaimed)
                mine = support.transaction(() -> tickets.breachNotifiedAt(c.ticketId(), c.target()))
                        .filter(claimedAt::equals).isPresent();
            }
            if (!mine) {
                continue; // another run claimed it first
            }
            if (notify(c, claimedAt)) {
                notified++;
            } else {
                failed++;
            }
        }
        return new SlaCheckResult(sum.notified() + notified, sum.failed() + failed);
    }

    /** Calls the notifier for a claimed breach; gives the claim back when it throws. */
    private boolean notify(BreachCandidate c, Instant claimedAt) {
        try {
            notifier.breached(c.ticketId(), c.target(), c.dueAt());
        } catch (RuntimeException e) {
            // the exception's class only: its message and stack trace may carry personal data
            LOG.warn("SLA breach notifier failed for ticket {} ({}): {}; the claim is released for the next run",
                    c.ticketId(), c.target(), e.getClass().getName());
            support.transaction(() -> {
                tickets.releaseBreach(c.ticketId(), c.target(), claimedAt);
                return null;
            });
            return false;
        }
        support.transaction(() -> {
            support.publishAfterCommit(List.of(new TicketEvents.SlaBreached(c.ticketId(), c.target(), c.dueAt(),
                    claimedAt)));
            return null;
        });
        return true;
    }
}
