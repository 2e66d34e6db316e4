package org.crmkit.core.feedback;

import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.Ids;
import java.time.Clock;
import java.util.Objects;
import java.util.UUID;

/**
 * Identity of a customer's feedback on a product. Lives in the kernel beside the other ids.
 *
 * @param value the UUIDv7
 */
public record FeedbackId(UUID value) {
    /** Checks presence. */
    public FeedbackId {
        Objects.requireNonNull(value, "value");
    }

    /** @param clock the time source of the id's timestamp @return a new time-ordered id */
    public static FeedbackId next(Clock clock) {
        return new FeedbackId(UuidV7.next(clock));
    }

    /** @param text a UUID in its canonical text form @return the id */
    public static FeedbackId parse(String text) {
        return new FeedbackId(Ids.parse("feedbackId", text));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
