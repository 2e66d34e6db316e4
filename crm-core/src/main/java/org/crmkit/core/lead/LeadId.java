package org.crmkit.core.lead;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a lead of the sales pipeline. Lives in the kernel because interactions, tasks and quotes refer to it.
 *
 * @param value the UUIDv7
 */
public record LeadId(UUID value) {
    /** Checks presence. */
    public LeadId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static LeadId next(Clock clock) {
        return new LeadId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static LeadId parse(String text) {
        return new LeadId(Ids.parse("leadId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
