package org.crmkit.core.audit.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;
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
 */
public record AuditQuery(ActorType actorType, @Size(max = 64) String actorRef, @Size(max = 64) String action,
                         @Size(max = 32) String targetType, UUID targetId, Instant from, Instant before,
                         @NotNull @Valid PageRequest page) {

    /** @param size page size @return the first page of the whole trail */
    public static AuditQuery all(int size) {
        return new AuditQuery(null, null, null, null, null, null, null, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public AuditQuery next(Page<?> previous) {
        return new AuditQuery(actorType, actorRef, action, targetType, targetId, from, before,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
