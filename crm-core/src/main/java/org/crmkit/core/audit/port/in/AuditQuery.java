package org.crmkit.core.audit.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ActorType;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * Filters of an audit trail search, all optional, and the page.
 *
 * @param actorType  the kind of actor
 * @param actorRef   the actor's id or system name ({@code Actor.reference()})
 * @param action     the action, such as {@code "customer.erase"}
 * @param targetType the kind of target, such as {@code "customer"}
 * @param targetId   the target's id
 * @param from       inclusive lower time bound
 * @param before     exclusive upper time bound
 * @param page       size and cursor
 * @param outcome    only entries that ended so, such as every {@code DENIED} call
 */
public record AuditQuery(ActorType actorType, @Size(max = 64) String actorRef, @Size(max = 64) String action,
                         @Size(max = 32) String targetType, UUID targetId, Instant from, Instant before,
                         @NotNull @Valid PageRequest page, AuditOutcome outcome) {

    /**
     * A query for entries of any outcome.
     *
     * @param actorType  the kind of actor
     * @param actorRef   the actor's id or system name
     * @param action     the action
     * @param targetType the kind of target
     * @param targetId   the target's id
     * @param from       inclusive lower time bound
     * @param before     exclusive upper time bound
     * @param page       size and cursor
     */
    public AuditQuery(ActorType actorType, String actorRef, String action, String targetType, UUID targetId,
                      Instant from, Instant before, PageRequest page) {
        this(actorType, actorRef, action, targetType, targetId, from, before, page, null);
    }

    /** @param size page size @return the first page of the whole trail */
    public static AuditQuery all(int size) {
        return new AuditQuery(null, null, null, null, null, null, null, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public AuditQuery next(Page<?> previous) {
        return new AuditQuery(actorType, actorRef, action, targetType, targetId, from, before,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))),
                outcome);
    }

    /** @param actor an actor @return this query narrowed to the entries of that actor */
    public AuditQuery by(Actor actor) {
        return new AuditQuery(actor.type(), actor.reference(), action, targetType, targetId, from, before, page,
                outcome);
    }

    /** @param newAction an action name @return this query narrowed to that action */
    public AuditQuery action(String newAction) {
        return new AuditQuery(actorType, actorRef, newAction, targetType, targetId, from, before, page, outcome);
    }

    /** @param type a kind of target @param id its id @return this query narrowed to that target */
    public AuditQuery about(String type, UUID id) {
        return new AuditQuery(actorType, actorRef, action, type, id, from, before, page, outcome);
    }

    /** @param start inclusive @param end exclusive @return this query narrowed to that time range */
    public AuditQuery between(Instant start, Instant end) {
        return new AuditQuery(actorType, actorRef, action, targetType, targetId, start, end, page, outcome);
    }

    /** @param newOutcome an outcome @return this query narrowed to entries that ended so */
    public AuditQuery outcome(AuditOutcome newOutcome) {
        return new AuditQuery(actorType, actorRef, action, targetType, targetId, from, before, page, newOutcome);
    }
}
