package org.crmkit.core.shared;

import java.time.Instant;
import java.util.UUID;

/**
 * What an audit trail search filters and where it resumes. Every filter is optional ({@code null}); results come
 * newest first, ties broken by id (unsigned byte order), descending.
 *
 * @param actorType  the kind of actor
 * @param actorRef   the actor's reference ({@link Actor#reference()})
 * @param action     the action name, such as {@code "customer.erase"}
 * @param targetType the kind of target
 * @param targetId   the target's id
 * @param from       inclusive lower bound of the entry time
 * @param before     exclusive upper bound of the entry time
 * @param after      resume strictly after this entry of the previous page, or {@code null}
 * @param outcome    only entries that ended so (such as every {@code DENIED} call)
 */
public record AuditCriteria(ActorType actorType, String actorRef, String action, String targetType, UUID targetId,
                            Instant from, Instant before, EntryPosition after, AuditOutcome outcome) {

    /**
     * Criteria for entries of any outcome.
     *
     * @param actorType  the kind of actor
     * @param actorRef   the actor's reference
     * @param action     the action name
     * @param targetType the kind of target
     * @param targetId   the target's id
     * @param from       inclusive lower bound of the entry time
     * @param before     exclusive upper bound of the entry time
     * @param after      resume strictly after this entry, or {@code null}
     */
    public AuditCriteria(ActorType actorType, String actorRef, String action, String targetType, UUID targetId,
                         Instant from, Instant before, EntryPosition after) {
        this(actorType, actorRef, action, targetType, targetId, from, before, after, null);
    }

    /**
     * @param entry an entry
     * @return whether the entry passes every filter and lies after the position
     */
    public boolean matches(AuditEntry entry) {
        return (actorType == null || actorType == entry.actorType())
                && (actorRef == null || actorRef.equals(entry.actorRef()))
                && (action == null || action.equals(entry.action()))
                && (targetType == null || targetType.equals(entry.targetType()))
                && (targetId == null || targetId.equals(entry.targetId()))
                && (outcome == null || outcome == entry.outcome())
                && (from == null || !entry.at().isBefore(from))
                && (before == null || entry.at().isBefore(before))
                && EntryPosition.isAfter(after, entry.at(), entry.id());
    }
}
