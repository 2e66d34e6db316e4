package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a department. Lives in the kernel because access rules scope some staff work to the caller's
 * department (see {@link AccessTarget}).
 *
 * @param value the UUIDv7
 */
public record DepartmentId(UUID value) {
    /** Checks presence. */
    public DepartmentId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static DepartmentId next(Clock clock) {
        return new DepartmentId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static DepartmentId parse(String text) {
        return new DepartmentId(Ids.parse("departmentId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
