package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.HistoryEntry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.ticket.HistoryKind;
import org.crmkit.core.ticket.TicketStatus;

/**
 * A ticket's history: its changes of status, priority and assignment, appended in time order and never rewritten but
 * for an erasure's reasons. The SLA clocks and the support report replay its status entries.
 */
final class TicketHistory {
    private final List<HistoryEntry> entries;

    TicketHistory(List<HistoryEntry> stored) {
        this.entries = new ArrayList<>(stored);
    }

    /**
     * Appends a change.
     *
     * @param at the caller's instant
     * @return the instant the entry carries: {@code at}, or the last entry's instant when that is later: a host clock
     *         set back (or two hosts with skewed clocks) must not write history out of order, which the SLA clocks
     *         replay
     */
    Instant append(HistoryKind kind, String from, String to, Actor by, String reason, Instant at) {
        Instant last = entries.isEmpty() ? null : entries.get(entries.size() - 1).at();
        Instant now = last != null && last.isAfter(at) ? last : at;
        entries.add(new HistoryEntry(idAt(now), kind, from, to, now, by.type(), by.reference(), reason));
        return now;
    }

    /** Replaces every reason given with the erasure's placeholder; the changes themselves stay. */
    void eraseReasons(String erased) {
        entries.replaceAll(h -> h.reason() == null ? h : new HistoryEntry(h.id(), h.kind(), h.from(), h.to(), h.at(),
                h.byType(), h.byRef(), erased));
    }

    /** @return the status the ticket had just before {@code at}, or empty when it was submitted at or after it */
    Optional<TicketStatus> statusBefore(Instant at) {
        TicketStatus found = null;
        for (HistoryEntry e : entries) {
            if (e.kind() == HistoryKind.STATUS && e.at().isBefore(at)) {
                found = TicketStatus.valueOf(e.to());
            }
        }
        return Optional.ofNullable(found);
    }

    /** @return whether the ticket was resolved at least once in {@code [from, to)} */
    boolean resolvedBetween(Instant from, Instant to) {
        return entries.stream().anyMatch(e -> e.kind() == HistoryKind.STATUS
                && TicketStatus.RESOLVED.name().equals(e.to()) && !e.at().isBefore(from) && e.at().isBefore(to));
    }

    /** @return the entries, in order (the live list, which a snapshot copies) */
    List<HistoryEntry> entries() {
        return entries;
    }

    /** @return an assignment as history text: {@code staff:<id>} and {@code department:<id>}, or {@code null} */
    static String assignment(StaffId agent, DepartmentId queue) {
        String text = (agent == null ? "" : "staff:" + agent) + (agent != null && queue != null ? " " : "")
                + (queue == null ? "" : "department:" + queue);
        return text.isEmpty() ? null : text;
    }

    /** @return the id of an entry or a comment made at {@code now}: time-ordered, from the instant the caller gave */
    static UUID idAt(Instant now) {
        return UuidV7.next(Clock.fixed(now, ZoneOffset.UTC));
    }
}
