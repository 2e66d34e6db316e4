package org.crmkit.core.ticket.internal.application;

import org.crmkit.core.ticket.internal.store.TicketStore;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.internal.domain.Percentiles;
import org.crmkit.core.ticket.SlaTarget;
import org.crmkit.core.ticket.internal.domain.Ticket;
import org.crmkit.core.ticket.TicketStatus;
import org.crmkit.core.ticket.port.in.SupportReport;

/**
 * Computes a support report in Java over the period's tickets, read a page at a time (one pass; memory grows with
 * the number of timings and agents, not with the tickets' text).
 */
final class SupportReports {
    private static final int PAGE = 200;

    private SupportReports() {
    }

    static SupportReport compute(TicketStore tickets, BusinessCalendar calendar, Instant from, Instant to,
                                 Instant now) {
        Tally tally = new Tally(from, to, now.isBefore(to) ? now : to, calendar);
        TicketId after = null;
        List<Ticket> page;
        do {
            page = tickets.findForReport(from, to, after, PAGE);
            page.forEach(tally::add);
            after = page.isEmpty() ? null : page.get(page.size() - 1).id();
        } while (page.size() == PAGE);
        return tally.report();
    }

    private static final class Tally {
        private final Instant from;
        private final Instant to;
        private final Instant decidedBy;
        private final BusinessCalendar calendar;
        private int opened;
        private int resolved;
        private int backlog;
        private int decided;
        private int met;
        private final List<Duration> firstResponses = new ArrayList<>();
        private final List<Duration> resolutions = new ArrayList<>();
        private final Map<StaffId, int[]> agents = new TreeMap<>(Comparator.comparing(StaffId::value,
                UuidV7::compareBytes));
        private final Map<String, Integer> categories = new TreeMap<>(Comparator.nullsFirst(
                Comparator.naturalOrder()));

        Tally(Instant from, Instant to, Instant decidedBy, BusinessCalendar calendar) {
            this.from = from;
            this.to = to;
            this.decidedBy = decidedBy;
            this.calendar = calendar;
        }

        void add(Ticket t) {
            Instant created = t.snapshot().createdAt();
            if (!created.isBefore(from)) {
                opened++;
                categories.merge(t.snapshot().category(), 1, Integer::sum);
            }
            Optional<TicketStatus> atEnd = t.statusBefore(to);
            if (atEnd.isPresent() && atEnd.get().isPending()) {
                backlog++;
                agent(t, 0);
            }
            if (t.resolvedBetween(from, to)) {
                resolved++;
                agent(t, 1);
            }
            Instant responded = t.metAt(SlaTarget.FIRST_RESPONSE);
            if (in(responded)) {
                firstResponses.add(t.clock(SlaTarget.FIRST_RESPONSE).elapsed(calendar, responded));
            }
            Instant resolvedAt = t.metAt(SlaTarget.RESOLUTION);
            if (in(resolvedAt)) {
                resolutions.add(t.clock(SlaTarget.RESOLUTION).elapsed(calendar, resolvedAt));
            }
            for (SlaTarget target : SlaTarget.values()) {
                decide(t, target);
            }
        }

        /** A target is decided when it is met, or when it is missed (at its due instant), whichever comes first. */
        private void decide(Ticket t, SlaTarget target) {
            Instant due = t.dueAt(target);
            Instant metAt = t.metAt(target);
            boolean late = due != null && (metAt == null || metAt.isAfter(due));
            Instant decidedAt = late ? due : metAt;
            if (in(decidedAt) && !decidedAt.isAfter(decidedBy)) {
                decided++;
                if (!late) {
                    met++;
                }
            }
        }

        private boolean in(Instant at) {
            return at != null && !at.isBefore(from) && at.isBefore(to);
        }

        private void agent(Ticket t, int column) {
            if (t.assignee() != null) {
                agents.computeIfAbsent(t.assignee(), a -> new int[2])[column]++;
            }
        }

        SupportReport report() {
            firstResponses.sort(Comparator.naturalOrder());
            resolutions.sort(Comparator.naturalOrder());
            List<SupportReport.AgentWorkload> workloads = new ArrayList<>();
            agents.forEach((agent, n) -> workloads.add(new SupportReport.AgentWorkload(agent, n[0], n[1])));
            List<SupportReport.CategoryCount> counts = new ArrayList<>();
            categories.forEach((category, n) -> counts.add(new SupportReport.CategoryCount(category, n)));
            BigDecimal percent = decided == 0 ? null : BigDecimal.valueOf(met * 100L)
                    .divide(BigDecimal.valueOf(decided), 1, RoundingMode.HALF_UP);
            return new SupportReport(from, to, opened, resolved, backlog, timing(firstResponses),
                    timing(resolutions), new SupportReport.Compliance(decided, met, percent), workloads, counts);
        }

        private static SupportReport.Timing timing(List<Duration> sorted) {
            return new SupportReport.Timing(sorted.size(), Percentiles.nearestRank(sorted, 50),
                    Percentiles.nearestRank(sorted, 90));
        }
    }
}
