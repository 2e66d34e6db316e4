package org.crmkit.core.quote.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.quote.QuoteId;

/**
 * Accepts a quoted offer.
 *
 * @param quoteId         the quote
 * @param expectedVersion the version whose offer the caller saw; required (a revision since then is a
 *                        {@code stale_version} conflict, so nobody accepts prices they did not see). Accepting an
 *                        accepted quote again returns it whatever version is named, so a retry is safe.
 */
public record AcceptQuoteCommand(@NotNull QuoteId quoteId, @NotNull Long expectedVersion) {
}
