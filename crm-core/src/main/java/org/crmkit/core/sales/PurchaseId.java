package org.crmkit.core.sales;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a purchase. Lives in the kernel because other areas (loyalty, tickets, feedback) refer to it.
 *
 * @param value the UUIDv7
 */
public record PurchaseId(UUID value) {
    /** Checks presence. */
    public PurchaseId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static PurchaseId next(Clock clock) {
        return new PurchaseId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static PurchaseId parse(String text) {
        return new PurchaseId(Ids.parse("purchaseId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
