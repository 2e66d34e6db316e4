package org.crmkit.core.contract;

import org.crmkit.core.quote.internal.store.QuoteStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.QuoteLine;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.spi.CrmPersistence;

/**
 * Builds the quote area's domain objects for the contracts: quotes requested through {@link Quote#request}, answered
 * through {@link Quote#answer}, stored with the repository. A quote needs its customer and products stored first, as
 * a real schema's foreign keys ask ({@link LoyaltyFixtures#storedCustomer}, {@link SalesFixtures#storedProduct}).
 */
public final class QuoteFixtures {
    /** Source of ids: real time, so ids are ordinary UUIDv7 values. */
    public static final Clock IDS = StaffFixtures.IDS;
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = StaffFixtures.T0;
    /** The currency of the fixtures' quotes. */
    public static final Currency EUR = Currency.getInstance("EUR");

    private QuoteFixtures() {
    }

    /**
     * @param customer    a stored customer
     * @param requestedAt when
     * @param products    stored products, one line each (quantity = line number)
     * @return a requested quote with a new id
     */
    public static Quote requested(CustomerId customer, Instant requestedAt, ProductId... products) {
        return requested(QuoteId.next(IDS), customer, requestedAt, products);
    }

    /**
     * @param id          the id
     * @param customer    a stored customer
     * @param requestedAt when
     * @param products    stored products, one line each (quantity = line number)
     * @return a requested quote
     */
    public static Quote requested(QuoteId id, CustomerId customer, Instant requestedAt, ProductId... products) {
        List<QuoteLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            lines.add(QuoteLine.requested(i + 1, products[i], i + 1));
        }
        Quote quote = Quote.request(id, customer, EUR, lines, "Please quote \uD83D\uDE00", requestedAt);
        quote.pullEvents();
        return quote;
    }

    /**
     * @param quote      a requested or quoted quote
     * @param unitPrice  the price of every line, such as {@code "12.5"}
     * @param validUntil until when
     * @param at         when it is answered (before {@code validUntil})
     * @return the same quote, answered by the system
     */
    public static Quote answered(Quote quote, String unitPrice, Instant validUntil, Instant at) {
        Map<Integer, Money> prices = new HashMap<>();
        quote.snapshot().lines().forEach(l -> prices.put(l.number(), Money.of(unitPrice, "EUR")));
        quote.answer(prices, validUntil, "net 30", null, at);
        quote.pullEvents();
        return quote;
    }

    /** @param persistence where @param quote a new quote @return it, stored */
    public static Quote stored(AreaPorts persistence, Quote quote) {
        persistence.unitOfWork().inTransaction(() -> new QuoteStore(persistence.quotes()).add(quote));
        return quote;
    }
}
