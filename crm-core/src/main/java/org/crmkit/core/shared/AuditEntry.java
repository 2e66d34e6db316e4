package org.crmkit.core.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the audit trail: who did what to which object, when, and how it ended. Holds ids and names of
 * actions only, never personal data; entries are appended and never changed.
 *
 * @param id         the entry's UUIDv7
 * @param at         when, from the injected clock
 * @param actorType  the kind of actor
 * @param actorRef   the actor's id, the system process's name, or empty for an anonymous actor
 * @param action     the use case, such as {@code "customer.register"}
 * @param targetType the kind of object, such as {@code "customer"}
 * @param targetId   the object's id, or {@code null} when the call had no single target
 * @param outcome    how the call ended
 */
public record AuditEntry(UUID id, Instant at, ActorType actorType, String actorRef, String action, String targetType,
                         UUID targetId, AuditOutcome outcome) {
    /** Checks the required parts. */
    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorType, "actorType");
        Objects.requireNonNull(actorRef, "actorRef");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(targetType, "targetType");
        Objects.requireNonNull(outcome, "outcome");
    }

    /**
     * @param clock      time source for id and time
     * @param actor      who called
     * @param action     the use case
     * @param targetType the kind of object
     * @param targetId   the object's id, or {@code null}
     * @param outcome    how the call ended
     * @return a new entry
     */
    public static AuditEntry of(Clock clock, Actor actor, String action, String targetType, UUID targetId,
                                AuditOutcome outcome) {
        return new AuditEntry(UuidV7.next(clock), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor.type(), actor.reference(), action,
                targetType, targetId, outcome);
    }
}
