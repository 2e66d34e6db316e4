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

    /**
     * Required: {@code from} and {@code to}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link TopCustomersQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private Instant from;
        private Instant to;
        private boolean byAmount;
        private String currency;
        private int limit;

        private Builder() {
        }

        /** @param from first instant, inclusive @return this builder */
        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        /** @param to end, exclusive; after {@code from} @return this builder */
        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        /**
         * @param byAmount rank by amount spent net of returns (needs a currency) rather than by number of purchases
         * @return this builder
         */
        public Builder byAmount(boolean byAmount) {
            this.byAmount = byAmount;
            return this;
        }

        /**
         * @param currency ISO 4217 code: only purchases in it count; required when ranking by amount
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
        public TopCustomersQuery build() {
            return new TopCustomersQuery(from, to, byAmount, currency, limit);
        }
    }
}
