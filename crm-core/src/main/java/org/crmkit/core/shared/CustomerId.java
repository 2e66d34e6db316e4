package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a customer. Lives in the kernel because a customer can also be the {@link Actor} of a call and every
 * area refers to customers by it.
 *
 * @param value the UUIDv7
 */
public record CustomerId(UUID value) {
    /** Checks presence. */
    public CustomerId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static CustomerId next(Clock clock) {
        return new CustomerId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static CustomerId parse(String text) {
        return new CustomerId(Ids.parse("customerId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
