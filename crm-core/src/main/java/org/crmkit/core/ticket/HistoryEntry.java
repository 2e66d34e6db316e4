package org.crmkit.core.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;

/**
 * One append-only line of a ticket's history: a change of status, priority or assignment.
 *
 * @param id     the entry
 * @param kind   what changed
 * @param from   the value before (a status or priority name, or an assignment as {@code staff:<id>} /
 *               {@code department:<id>} joined by a space), or {@code null}
 * @param to     the value after, or {@code null}
 * @param at     when
 * @param byType who changed it
 * @param byRef  their id (or the system process's name)
 * @param reason why, or {@code null}
 */
public record HistoryEntry(UUID id, HistoryKind kind, String from, String to, Instant at, ActorType byType,
                           String byRef, String reason) {
    /** Checks presence. */
    public HistoryEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(byType, "byType");
        Objects.requireNonNull(byRef, "byRef");
    }
}
