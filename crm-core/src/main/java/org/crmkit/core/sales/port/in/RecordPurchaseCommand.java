package org.crmkit.core.sales.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.CustomerId;

/**
 * Records a purchase.
 *
 * @param customerId        the customer, or {@code null} for an anonymous sale
 * @param occurredAt        when it was made
 * @param channel           where
 * @param source            the system the reference belongs to, 1 to 32 characters, such as {@code "webshop"}
 * @param externalReference the order reference in that system, 1 to 64 characters
 * @param currency          ISO 4217 code every line is priced in
 * @param lines             1 to 500 lines
 */
public record RecordPurchaseCommand(CustomerId customerId, @NotNull Instant occurredAt, @NotNull SalesChannel channel,
                                    @NotBlank @Size(max = 200) String source,
                                    @NotBlank @Size(max = 200) String externalReference,
                                    @NotBlank @Size(min = 3, max = 3) String currency,
                                    @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    /**
     * A purchase another area records for a customer (an accepted quote), made through no channel of its own.
     *
     * @param customerId        the customer
     * @param occurredAt        when it was made
     * @param source            the system the reference belongs to
     * @param externalReference the order reference in that system
     * @param currency          ISO 4217 code every line is priced in
     * @param lines             the lines
     * @return the command, on channel {@link SalesChannel#OTHER}
     */
    public static RecordPurchaseCommand otherChannel(CustomerId customerId, Instant occurredAt, String source,
                                                     String externalReference, String currency, List<Line> lines) {
        return new RecordPurchaseCommand(customerId, occurredAt, SalesChannel.OTHER, source, externalReference,
                currency, lines);
    }

    /**
     * One line.
     *
     * @param lineNumber unique in the purchase, 1 or more
     * @param productId  an existing product
     * @param quantity   1 to 1,000,000
     * @param unitPrice  the price of one, not negative, at most 4 decimal places
     */
    public record Line(int lineNumber, @NotNull ProductId productId, int quantity, @NotNull BigDecimal unitPrice) {
    }

    /**
     * Required: {@code occurredAt}, {@code channel}, {@code source}, {@code externalReference}, {@code currency} and
     * {@code lines}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link RecordPurchaseCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private CustomerId customerId;
        private Instant occurredAt;
        private SalesChannel channel;
        private String source;
        private String externalReference;
        private String currency;
        private List<Line> lines;

        private Builder() {
        }

        /** @param customerId the customer, or {@code null} for an anonymous sale @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param occurredAt when it was made @return this builder */
        public Builder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        /** @param channel where @return this builder */
        public Builder channel(SalesChannel channel) {
            this.channel = channel;
            return this;
        }

        /**
         * @param source the system the reference belongs to, 1 to 32 characters, such as {@code "webshop"}
         * @return this builder
         */
        public Builder source(String source) {
            this.source = source;
            return this;
        }

        /** @param externalReference the order reference in that system, 1 to 64 characters @return this builder */
        public Builder externalReference(String externalReference) {
            this.externalReference = externalReference;
            return this;
        }

        /** @param currency ISO 4217 code every line is priced in @return this builder */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** @param lines 1 to 500 lines @return this builder */
        public Builder lines(List<Line> lines) {
            this.lines = lines;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public RecordPurchaseCommand build() {
            return new RecordPurchaseCommand(customerId, occurredAt, channel, source, externalReference, currency, lines);
        }
    }
}
