package org.crmkit.core.ticket;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a support ticket. Lives in the kernel because tasks, feedback and reports refer to it.
 *
 * @param value the UUIDv7
 */
public record TicketId(UUID value) {
    /** Checks presence. */
    public TicketId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static TicketId next(Clock clock) {
        return new TicketId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static TicketId parse(String text) {
        return new TicketId(Ids.parse("ticketId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
