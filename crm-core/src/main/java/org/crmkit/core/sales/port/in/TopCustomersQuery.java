package org.crmkit.core.sales.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The best customers of a period by purchases.
 *
 * @param from     first instant, inclusive
 * @param to       end, exclusive; after {@code from}
 * @param byAmount rank by amount spent net of returns (needs a currency) rather than by number of purchases
 * @param currency ISO 4217 code: only purchases in it count; required when ranking by amount
 * @param limit    how many customers, 1 to 100
 */
public record TopCustomersQuery(@NotNull Instant from, @NotNull Instant to, boolean byAmount, String currency,
                                @Min(1) @Max(100) int limit) {

    /** @return whether the period is not empty (reported on {@code to}) */
    @AssertTrue(message = "must be after from")
    public boolean isTo() {
        return from == null || to == null || to.isAfter(from);
    }

    /** @return whether a currency is given when the amount is the measure (reported on {@code currency}) */
    @AssertTrue(message = "is required to rank by amount")
    public boolean isCurrency() {
        return !byAmount || currency != null;
    }
}
