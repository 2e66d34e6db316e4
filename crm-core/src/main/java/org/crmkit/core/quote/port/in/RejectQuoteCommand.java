package org.crmkit.core.quote.port.in;

import org.crmkit.core.quote.QuoteSnapshot;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.quote.QuoteId;

/**
 * Declines a quoted offer.
 *
 * @param quoteId         the quote
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 * @param reason          why, at most 500 characters (code points), no control characters except line breaks and
 *                        tabs, or {@code null}
 */
public record RejectQuoteCommand(@NotNull QuoteId quoteId, Long expectedVersion, @Size(max = 2 * QuoteSnapshot.MAX_REASON) String reason) {
}
