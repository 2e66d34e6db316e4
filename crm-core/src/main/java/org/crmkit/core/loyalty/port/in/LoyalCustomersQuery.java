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

    /**
     * Required: {@code from}, {@code to} and {@code by}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LoyalCustomersQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private LoyaltyRanking by;
        private String currency;
        private int limit;

        private Builder() {
        }

        /** @param from first instant of the period, inclusive @return this builder */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /** @param to end of the period, exclusive; after {@code from} @return this builder */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /** @param by the measure @return this builder */
        public Builder by(LoyaltyRanking by) {
            this.by = by;
            return this;
        }

        /**
         * @param currency ISO 4217 code; required for {@link LoyaltyRanking#PURCHASE_AMOUNT}, optional for {@link
         *        LoyaltyRanking#PURCHASE_COUNT}, ignored for points
         * @return this builder
         */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** @param limit how many customers, 1 to 100 @return this builder */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /** @return the query (the use case checks it, naming every bad or missing field at once) */
        public LoyalCustomersQuery build() {
            return new LoyalCustomersQuery(from, to, by, currency, limit);
        }
    }
}
