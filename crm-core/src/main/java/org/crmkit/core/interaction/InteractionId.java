package org.crmkit.core.interaction;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a logged interaction (call, email, meeting, note). Lives in the kernel beside the other ids.
 *
 * @param value the UUIDv7
 */
public record InteractionId(UUID value) {
    /** Checks presence. */
    public InteractionId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static InteractionId next(Clock clock) {
        return new InteractionId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static InteractionId parse(String text) {
        return new InteractionId(Ids.parse("interactionId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
