package org.crmkit.core.sales;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.crmkit.core.shared.Money;

/**
 * A return against a purchase: when, which lines and quantities, and the refund.
 *
 * @param id         the return's UUIDv7
 * @param occurredAt when it happened
 * @param lines      the returned lines
 * @param refund     the sum of the lines' refunds
 * @param reference  the caller's reference of the return (unique among returns), which makes recording it again
 *                   safe; or {@code null}
 */
public record PurchaseReturn(UUID id, Instant occurredAt, List<ReturnLine> lines, Money refund, String reference) {
    /** Most characters of a return's reference. */
    public static final int MAX_REFERENCE = 200;

    /**
     * A return without a reference of its own.
     *
     * @param id         the return
     * @param occurredAt when
     * @param lines      what was taken back
     * @param refund     the refund
     */
    public PurchaseReturn(UUID id, Instant occurredAt, List<ReturnLine> lines, Money refund) {
        this(id, occurredAt, lines, refund, null);
    }

    /** Copies the lines. */
    public PurchaseReturn {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(refund, "refund");
        lines = List.copyOf(lines);
        if (lines.isEmpty() || refund.isNegative()) {
            throw new org.crmkit.core.shared.InvalidValueException("lines",
                    "a return holds at least one line and a refund that is not negative");
        }
        if (reference != null && (reference.isBlank() || reference.length() > MAX_REFERENCE)) {
            throw new org.crmkit.core.shared.InvalidValueException("reference",
                    "must be 1 to " + MAX_REFERENCE + " characters");
        }
    }
}
