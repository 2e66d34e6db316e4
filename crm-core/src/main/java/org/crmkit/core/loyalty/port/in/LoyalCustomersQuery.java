package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * @param from     first instant of the period, inclusive
 * @param to       end of the period, exclusive; after {@code from}
 * @param by       the measure
 * @param currency ISO 4217 code; required for {@link LoyaltyRanking#PURCHASE_AMOUNT}, optional for
 *                 {@link LoyaltyRanking#PURCHASE_COUNT}, ignored for points
 * @param limit    how many customers, 1 to 100
 */
public record LoyalCustomersQuery(@NotNull Instant from, @NotNull Instant to, @NotNull LoyaltyRanking by,
                                  String currency, @Min(1) @Max(100) int limit) {

    /** @return whether the period is not empty (reported on {@code to}) */
    @AssertTrue(message = "must be after from")
    public boolean isTo() {
        return from == null || to == null || to.isAfter(from);
    }

    /** @return whether a currency is given when the amount is the measure (reported on {@code currency}) */
    @AssertTrue(message = "is required to rank by amount")
    public boolean isCurrency() {
        return by != LoyaltyRanking.PURCHASE_AMOUNT || currency != null;
    }
}
