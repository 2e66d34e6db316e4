package org.crmkit.core.quote;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a quote. Lives in the kernel because sales and reports may refer to it.
 *
 * @param value the UUIDv7
 */
public record QuoteId(UUID value) {
    /** Checks presence. */
    public QuoteId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static QuoteId next(Clock clock) {
        return new QuoteId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static QuoteId parse(String text) {
        return new QuoteId(Ids.parse("quoteId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
