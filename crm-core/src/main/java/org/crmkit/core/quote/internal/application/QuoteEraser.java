package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.internal.store.QuoteStore;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.internal.PersonalDataEraser;

/**
 * The quote area's part in a customer's erasure, inside its transaction: what the customer wrote on their quotes
 * (messages, rejection reasons) is blanked; the quotes themselves stay, like the purchases they led to.
 */
final class QuoteEraser implements PersonalDataEraser {
    private static final int PAGE = 200;

    private final QuoteStore quotes;

    QuoteEraser(QuoteStore quotes) {
        this.quotes = quotes;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        EntryPosition after = null;
        while (true) {
            List<Quote> page = quotes.search(new QuoteSearchCriteria(null, Set.of(customer), QuoteSort.REQUESTED_ASC,
                    after), PAGE);
            for (Quote quote : page) {
                Quote locked = quotes.lock(quote.id()).orElseThrow();
                if (locked.erasePersonalText()) {
                    quotes.update(locked);
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            Quote last = page.get(page.size() - 1);
            after = new EntryPosition(last.snapshot().requestedAt(), last.id().value());
        }
    }
}
