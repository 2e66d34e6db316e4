package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.quote.QuoteSnapshot;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.quote.port.out.QuoteSearchCriteria;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.quote.QuoteId;
import org.crmkit.core.shared.UuidV7;

/**
 * Quotes in memory with their lines, versioned. Transactions of the in-memory adapter run one at a time, so
 * {@link #lock} needs no lock of its own. {@link #searchManagedBy} reads the customers' account manager from the
 * in-memory customer table of the same unit of work, as the MySQL adapter joins {@code crm_customer}.
 */
public final class InMemoryQuoteRepository implements QuoteRepository {
    private static final Comparator<QuoteSnapshot> OLDEST_FIRST = Comparator.comparing(QuoteSnapshot::requestedAt)
            .thenComparing(q -> q.id().value(), UuidV7::compareBytes);

    private final InMemoryTable<QuoteId, QuoteSnapshot> table;
    private final CustomerRepository customers;

    /**
     * @param unitOfWork the unit of work whose transactions this store takes part in
     * @param customers  the customers of the same unit of work, whose account managers narrow
     *                   {@link #searchManagedBy}
     */
    public InMemoryQuoteRepository(InMemoryUnitOfWork unitOfWork, CustomerRepository customers) {
        this.customers = customers;
        this.table = new InMemoryTable<>(unitOfWork, "quote", QuoteSnapshot::id, QuoteSnapshot::version,
                s -> s.withVersion(s.version() + 1));
    }

    @Override
    public void add(QuoteSnapshot quote) {
        table.insert(quote);
    }

    @Override
    public void update(QuoteSnapshot quote) {
        table.update(quote);
    }

    @Override
    public Optional<QuoteSnapshot> findById(QuoteId id) {
        return table.get(id);
    }

    @Override
    public Optional<QuoteSnapshot> lock(QuoteId id) {
        return findById(id);
    }

    @Override
    public List<QuoteSnapshot> search(QuoteSearchCriteria criteria, int limit) {
        return search(criteria, q -> true, limit);
    }

    @Override
    public List<QuoteSnapshot> searchManagedBy(StaffId accountManager, QuoteSearchCriteria criteria, int limit) {
        return search(criteria, q -> customers.findById(q.customer())
                .map(c -> accountManager.equals(c.accountManager())).orElse(false), limit);
    }

    private List<QuoteSnapshot> search(QuoteSearchCriteria criteria, Predicate<QuoteSnapshot> also, int limit) {
        boolean newestFirst = criteria.sort() == QuoteSort.REQUESTED_DESC;
        Comparator<QuoteSnapshot> order = newestFirst ? OLDEST_FIRST.reversed() : OLDEST_FIRST;
        EntryPosition after = criteria.after();
        return table.where(q -> (criteria.status() == null || q.status() == criteria.status())
                        && (criteria.customers() == null || criteria.customers().contains(q.customer()))
                        && (after == null || comesAfter(q, after, newestFirst)) && also.test(q)).stream()
                .sorted(order).limit(limit).toList();
    }

    private static boolean comesAfter(QuoteSnapshot q, EntryPosition after, boolean newestFirst) {
        int byTime = q.requestedAt().compareTo(after.at());
        int order = byTime != 0 ? byTime : UuidV7.compareBytes(q.id().value(), after.id());
        return newestFirst ? order < 0 : order > 0;
    }

    @Override
    public List<Due> quotedValidUntil(Instant asOf, Due after, int limit) {
        Comparator<Due> order = Comparator.comparing(Due::validUntil)
                .thenComparing(d -> d.id().value(), UuidV7::compareBytes);
        return table.where(q -> q.status() == QuoteStatus.QUOTED && !q.validUntil().isAfter(asOf)).stream()
                .map(q -> new Due(q.id(), q.validUntil()))
                .filter(d -> after == null || order.compare(d, after) > 0)
                .sorted(order).limit(limit).toList();
    }
}
