package org.crmkit.core.quote.internal.application;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.quote.QuoteId;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param quoteId the quote asked for */
    record QuoteIdQuery(@NotNull QuoteId quoteId) {
    }
}
