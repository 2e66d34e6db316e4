package org.crmkit.core.sales.domain;

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
 */
public record PurchaseReturn(UUID id, Instant occurredAt, List<ReturnLine> lines, Money refund) {
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
    }
}
