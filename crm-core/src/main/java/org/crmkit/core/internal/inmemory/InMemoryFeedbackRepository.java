package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.RatingTally;
import org.crmkit.core.feedback.port.out.FeedbackRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.UuidV7;

/** FeedbackSnapshot in memory, unique per purchase and product, versioned; tallies counted like the SQL {@code GROUP BY}. */
public final class InMemoryFeedbackRepository implements FeedbackRepository {
    private static final Comparator<FeedbackSnapshot> OLDEST_FIRST = Comparator
            .comparing(FeedbackSnapshot::givenAt)
            .thenComparing((a, b) -> UuidV7.compareBytes(a.id().value(), b.id().value()));

    private final InMemoryTable<FeedbackId, FeedbackSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryFeedbackRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<FeedbackId, FeedbackSnapshot>(unitOfWork, "feedback", FeedbackSnapshot::id,
                FeedbackSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("productId", s -> List.of(s.purchase(), s.product()));
    }

    @Override
    public void add(FeedbackSnapshot feedback) {
        table.insert(feedback);
    }

    @Override
    public void update(FeedbackSnapshot feedback) {
        table.update(feedback);
    }

    @Override
    public Optional<FeedbackSnapshot> findById(FeedbackId id) {
        return table.get(id);
    }

    @Override
    public List<FeedbackSnapshot> findByCustomer(CustomerId customer, EntryPosition after, int limit) {
        return newestFirst(s -> s.customer().equals(customer), after, limit);
    }

    @Override
    public List<FeedbackSnapshot> findByProduct(ProductId product, EntryPosition after, int limit) {
        return newestFirst(s -> s.product().equals(product), after, limit);
    }

    @Override
    public List<FeedbackSnapshot> findUnanswered(EntryPosition after, int limit) {
        return table.where(s -> s.response() == null && s.erasedAt() == null).stream()
                .filter(s -> after == null || s.givenAt().isAfter(after.at()) || s.givenAt().equals(after.at())
                        && UuidV7.compareBytes(s.id().value(), after.id()) > 0)
                .sorted(OLDEST_FIRST)
                .limit(limit)
                
                .toList();
    }

    private List<FeedbackSnapshot> newestFirst(Predicate<FeedbackSnapshot> filter, EntryPosition after, int limit) {
        return table.where(filter).stream()
                .filter(s -> EntryPosition.isAfter(after, s.givenAt(), s.id().value()))
                .sorted(OLDEST_FIRST.reversed())
                .limit(limit)
                
                .toList();
    }

    @Override
    public List<RatingTally> tallyRatings(ProductId product, Instant from, Instant before) {
        Map<Integer, long[]> counts = new TreeMap<>();
        for (FeedbackSnapshot s : table.where(s -> s.product().equals(product)
                && (from == null || !s.givenAt().isBefore(from)) && (before == null || s.givenAt().isBefore(before)))) {
            long[] c = counts.computeIfAbsent(s.rating(), r -> new long[2]);
            c[0]++;
            if (s.response() == null && s.erasedAt() == null) {
                c[1]++;
            }
        }
        List<RatingTally> tallies = new ArrayList<>();
        counts.forEach((rating, c) -> tallies.add(new RatingTally(rating, c[0], c[1])));
        return tallies;
    }

    @Override
    public int eraseCustomer(CustomerId customer, Instant at) {
        int changed = 0;
        for (FeedbackSnapshot s : table.where(s -> s.customer().equals(customer) && s.erasedAt() == null)) {
            if (table.replaceIf(s.id(), current -> current.erasedAt() == null,
                    current -> current.erased(at).withVersion(current.version() + 1))) {
                changed++;
            }
        }
        return changed;
    }
}
