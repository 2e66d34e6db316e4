package org.crmkit.core.quote.internal.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.shared.StaffId;

/**
 * The quote area's repository of aggregates, on the adapter's {@link QuoteRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class QuoteStore {
    private final QuoteRepository port;

    /** @param port the adapter's port */
    public QuoteStore(QuoteRepository port) {
        this.port = port;
    }

    /** @see QuoteRepository#add */
    public void add(Quote quote) {
        port.add(quote.snapshot());
    }

    /** @see QuoteRepository#update */
    public void update(Quote quote) {
        port.update(quote.snapshot());
        quote.recordStored();
    }

    /** @see QuoteRepository#findById */
    public Optional<Quote> findById(QuoteId id) {
        return port.findById(id).map(Quote::restore);
    }

    /** @see QuoteRepository#lock */
    public Optional<Quote> lock(QuoteId id) {
        return port.lock(id).map(Quote::restore);
    }

    /** @see QuoteRepository#search */
    public List<Quote> search(QuoteSearchCriteria criteria, int limit) {
        return port.search(criteria, limit).stream().map(Quote::restore).toList();
    }

    /** @see QuoteRepository#searchManagedBy */
    public List<Quote> searchManagedBy(StaffId accountManager, QuoteSearchCriteria criteria, int limit) {
        return port.searchManagedBy(accountManager, criteria, limit).stream().map(Quote::restore).toList();
    }

    /** @see QuoteRepository#quotedValidUntil */
    public List<QuoteRepository.Due> quotedValidUntil(Instant asOf, QuoteRepository.Due after, int limit) {
        return port.quotedValidUntil(asOf, after, limit);
    }
}
