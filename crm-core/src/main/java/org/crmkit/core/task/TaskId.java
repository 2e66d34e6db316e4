package org.crmkit.core.task;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a task. Lives in the kernel because reminders and other areas refer to it.
 *
 * @param value the UUIDv7
 */
public record TaskId(UUID value) {
    /** Checks presence. */
    public TaskId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static TaskId next(Clock clock) {
        return new TaskId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static TaskId parse(String text) {
        return new TaskId(Ids.parse("taskId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
