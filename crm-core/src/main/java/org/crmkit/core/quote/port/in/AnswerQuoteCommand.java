package org.crmkit.core.quote.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.quote.domain.Quote;
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
                                 @Size(max = 2 * Quote.MAX_TERMS) String terms) {

    /**
     * The price of one line.
     *
     * @param lineNumber the quote's line
     * @param unitPrice  the price of one, not negative, at most 4 decimal places
     */
    public record LinePrice(int lineNumber, @NotNull BigDecimal unitPrice) {
    }
}
