package org.crmkit.core.quote.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.QuoteId;

/**
 * Accepts a quoted offer.
 *
 * @param quoteId         the quote
 * @param expectedVersion the version whose offer the caller saw, or {@code null} to skip the check (a revision since
 *                        then is a {@code stale_version} conflict, so nobody accepts prices they did not see)
 */
public record AcceptQuoteCommand(@NotNull QuoteId quoteId, Long expectedVersion) {
}
