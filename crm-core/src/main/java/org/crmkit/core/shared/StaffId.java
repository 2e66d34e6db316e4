package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a staff user. Lives in the kernel because staff are {@link Actor}s and are referred to by other
 * areas (account managers, owners, assignees).
 *
 * @param value the UUIDv7
 */
public record StaffId(UUID value) {
    /** Checks presence. */
    public StaffId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static StaffId next(Clock clock) {
        return new StaffId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static StaffId parse(String text) {
        return new StaffId(Ids.parse("staffId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
