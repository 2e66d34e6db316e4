package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.in.QuoteView;

/** Builds QuoteViews from Quotes, so the view, which is API, names no domain type. */
final class QuoteViews {
    private QuoteViews() {
    }

    /** @param quote a quote @return its view */
    static QuoteView of(Quote quote) {
        QuoteSnapshot s = quote.snapshot();
        return new QuoteView(s.id(), s.version(), s.customer(), s.currency().getCurrencyCode(), s.status(), s.lines(),
                quote.total(), s.message(), s.requestedAt(), s.answeredAt(), s.answeredBy(), s.validUntil(),
                s.terms(), s.closedAt(), s.purchase(), s.rejection());
    }
}
