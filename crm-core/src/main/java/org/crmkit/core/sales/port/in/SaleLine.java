package org.crmkit.core.sales.port.in;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One typed line of a sales import. Consecutive lines with the same order reference make one purchase (or, for a
 * cancellation, one return). A cancellation's quantity is negative: it takes back that many of the SKU from the
 * customer's latest earlier purchase that still holds them.
 *
 * @param sourceLine        where the line is in the source, for reports
 * @param orderReference    the order (invoice) it belongs to, 1 to 64 characters
 * @param lineNumber        its number within the order, 1 or more, unique in the order
 * @param sku               the product's SKU
 * @param description       the product's description (the name of a product created for an unknown SKU, cut to
 *                          its first 200 characters), or {@code null}
 * @param quantity          how many: 1 to 1,000,000, or -1 to -1,000,000 for a cancellation
 * @param unitPrice         the price of one, not negative, at most 4 decimal places
 * @param occurredAt        when the sale was made
 * @param customerReference the customer's external reference, or {@code null} for an anonymous sale
 * @param country           the customer's country as the source writes it (an ISO 3166 code or an English name), or
 *                          {@code null}; read for completeness, not stored yet (a created customer gets no address)
 * @param cancellation      whether the source marks the line as a cancellation
 */
public record SaleLine(long sourceLine, String orderReference, int lineNumber, String sku, String description,
                       int quantity, BigDecimal unitPrice, Instant occurredAt, String customerReference,
                       String country, boolean cancellation) implements ImportRow {

    /** @return an empty builder: name each field, then {@code build()} */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SaleLine} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private long sourceLine;
        private String orderReference;
        private int lineNumber;
        private String sku;
        private String description;
        private int quantity;
        private BigDecimal unitPrice;
        private Instant occurredAt;
        private String customerReference;
        private String country;
        private boolean cancellation;

        private Builder() {
        }

        /** @param sourceLine where the line is in the source, for reports @return this builder */
        public Builder sourceLine(long sourceLine) {
            this.sourceLine = sourceLine;
            return this;
        }

        /** @param orderReference the order (invoice) it belongs to, 1 to 64 characters @return this builder */
        public Builder orderReference(String orderReference) {
            this.orderReference = orderReference;
            return this;
        }

        /** @param lineNumber its number within the order, 1 or more, unique in the order @return this builder */
        public Builder lineNumber(int lineNumber) {
            this.lineNumber = lineNumber;
            return this;
        }

        /** @param sku the product's SKU @return this builder */
        public Builder sku(String sku) {
            this.sku = sku;
            return this;
        }

        /**
         * @param description the product's description (the name of a product created for an unknown SKU), or {@code
         *        null}
         * @return this builder
         */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param quantity how many: 1 to 1,000,000, or -1 to -1,000,000 for a cancellation @return this builder */
        public Builder quantity(int quantity) {
            this.quantity = quantity;
            return this;
        }

        /** @param unitPrice the price of one, not negative, at most 4 decimal places @return this builder */
        public Builder unitPrice(BigDecimal unitPrice) {
            this.unitPrice = unitPrice;
            return this;
        }

        /** @param occurredAt when the sale was made @return this builder */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /**
         * @param customerReference the customer's external reference, or {@code null} for an anonymous sale
         * @return this builder
         */
        public Builder customerReference(String customerReference) {
            this.customerReference = customerReference;
            return this;
        }

        /**
         * @param country the customer's country as the source writes it (an ISO 3166 code or an English name), or
         *        {@code null}; read for completeness, not stored yet (a created customer gets no address)
         * @return this builder
         */
        public Builder country(String country) {
            this.country = country;
            return this;
        }

        /** @param cancellation whether the source marks the line as a cancellation @return this builder */
        public Builder cancellation(boolean cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        /** @return the value */
        public SaleLine build() {
            return new SaleLine(sourceLine, orderReference, lineNumber, sku, description, quantity, unitPrice, occurredAt, customerReference, country, cancellation);
        }
    }
}
