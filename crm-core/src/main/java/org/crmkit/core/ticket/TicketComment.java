package org.crmkit.core.ticket;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.ActorType;

/**
 * A comment on a ticket. A public comment is part of the conversation with the customer; an internal one is for
 * staff only and never shown to the customer.
 *
 * @param id         the comment
 * @param internal   whether only staff see it
 * @param body       the text, 1 to 10,000 characters
 * @param authorType who wrote it: staff, the customer or the system
 * @param authorRef  the author's id (or the system process's name)
 * @param at         when
 */
public record TicketComment(UUID id, boolean internal, String body, ActorType authorType, String authorRef,
                            Instant at) {
    /** Checks presence. */
    public TicketComment {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(authorType, "authorType");
        Objects.requireNonNull(authorRef, "authorRef");
        Objects.requireNonNull(at, "at");
    }

    /** @return whether staff wrote it */
    public boolean byStaff() {
        return authorType == ActorType.STAFF;
    }
}
