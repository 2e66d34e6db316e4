package org.crmkit.core.product;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a category. Lives in the kernel because other areas (sales, loyalty, tickets) refer to it.
 *
 * @param value the UUIDv7
 */
public record CategoryId(UUID value) {
    /** Checks presence. */
    public CategoryId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static CategoryId next(Clock clock) {
        return new CategoryId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static CategoryId parse(String text) {
        return new CategoryId(Ids.parse("categoryId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
