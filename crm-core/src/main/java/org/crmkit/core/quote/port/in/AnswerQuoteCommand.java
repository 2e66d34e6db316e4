package org.crmkit.core.quote.port.in;

import org.crmkit.core.quote.QuoteSnapshot;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.quote.QuoteId;

/**
 * Answers a requested quote, or revises the answer of a quoted one.
 *
 * @param quoteId         the quote
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 * @param currency        ISO 4217 code of the prices; must be the quote's currency
 * @param prices          unit prices by line number; a line not named is offered at its product's current list
 *                        price, which must then be in the quote's currency
 * @param validUntil      until when (exclusive) the customer may accept; in the future
 * @param terms           the terms (delivery, payment), at most 4,000 characters (code points), no control
 *                        characters except line breaks and tabs, or {@code null}
 */
public record AnswerQuoteCommand(@NotNull QuoteId quoteId, Long expectedVersion,
                                 @NotBlank @Size(min = 3, max = 3) String currency,
                                 @NotNull @Size(max = 100) List<@NotNull @Valid LinePrice> prices,
                                 @NotNull Instant validUntil,
                                 @Size(max = 2 * QuoteSnapshot.MAX_TERMS) String terms) {

    /**
     * The price of one line.
     *
     * @param lineNumber the quote's line
     * @param unitPrice  the price of one, not negative, at most 4 decimal places
     */
    public record LinePrice(int lineNumber, @NotNull BigDecimal unitPrice) {
    }

    /**
     * Required: {@code quoteId}, {@code currency}, {@code prices} and {@code validUntil}; the use case names every
     * missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AnswerQuoteCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private QuoteId quoteId;
        private Long expectedVersion;
        private String currency;
        private List<LinePrice> prices;
        private Instant validUntil;
        private String terms;

        private Builder() {
        }

        /** @param quoteId the quote @return this builder */
        public Builder quoteId(QuoteId quoteId) {
            this.quoteId = quoteId;
            return this;
        }

        /**
         * @param expectedVersion the version the caller read, or {@code null} to skip the check
         * @return this builder
         */
        public Builder expectedVersion(Long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @param currency ISO 4217 code of the prices; must be the quote's currency @return this builder */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /**
         * @param prices unit prices by line number; a line not named is offered at its product's current list price,
         *        which must then be in the quote's currency
         * @return this builder
         */
        public Builder prices(List<LinePrice> prices) {
            this.prices = prices;
            return this;
        }

        /** @param validUntil until when (exclusive) the customer may accept; in the future @return this builder */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = validUntil;
            return this;
        }

        /**
         * @param terms the terms (delivery, payment), at most 4,000 characters (code points), no control characters
         *        except line breaks and tabs, or {@code null}
         * @return this builder
         */
        public Builder terms(String terms) {
            this.terms = terms;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public AnswerQuoteCommand build() {
            return new AnswerQuoteCommand(quoteId, expectedVersion, currency, prices, validUntil, terms);
        }
    }
}
