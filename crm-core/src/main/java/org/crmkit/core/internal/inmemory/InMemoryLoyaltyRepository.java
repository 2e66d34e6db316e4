package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LockedLoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyChanges;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.PointsLot;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.UuidV7;

/**
 * Loyalty accounts, entries and lots in memory. The unit of work runs one transaction at a time, so
 * {@link #lock(CustomerId)} needs no lock of its own; versions and the entries' unique references are enforced as
 * the MySQL schema enforces them.
 */
public final class InMemoryLoyaltyRepository implements LoyaltyRepository {
    private static final Comparator<CustomerId> BY_ID = (a, b) -> UuidV7.compareBytes(a.value(), b.value());
    private static final Comparator<LedgerEntry> NEWEST_FIRST = Comparator.comparingLong(LedgerEntry::position)
            .reversed();

    private final InMemoryUnitOfWork unitOfWork;
    private final InMemoryTable<CustomerId, LoyaltyAccountSnapshot> accounts;
    private final InMemoryTable<UUID, LedgerEntry> entries;
    private final InMemoryTable<UUID, PointsLot> lots;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryLoyaltyRepository(InMemoryUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.accounts = new InMemoryTable<>(unitOfWork, "loyalty_account", LoyaltyAccountSnapshot::customer,
                LoyaltyAccountSnapshot::version, s -> s.withVersion(s.version() + 1));
        this.entries = new InMemoryTable<UUID, LedgerEntry>(unitOfWork, "loyalty_entry", LedgerEntry::id, null, null)
                .unique("reference", e -> e.reference() == null ? null
                        : List.of(e.customer(), e.kind(), e.reference()))
                .unique("position", e -> List.of(e.customer(), e.position()));
        this.lots = new InMemoryTable<>(unitOfWork, "loyalty_lot", PointsLot::id, null, null);
    }

    @Override
    public boolean addIfAbsent(LoyaltyAccountSnapshot state) {
        if (accounts.get(state.customer()).isPresent()) {
            return false;
        }
        accounts.insert(state);
        return true;
    }

    @Override
    public Optional<LockedLoyaltyAccount> lock(CustomerId customer) {
        return accounts.get(customer).map(state -> new LockedLoyaltyAccount(state,
                lots.where(l -> l.customer().equals(customer) && l.isOpen())));
    }

    @Override
    public void update(LoyaltyChanges changes) {
        // one transaction: a duplicate reference leaves the row unchanged (and the area's store then leaves the
        // aggregate's version as it was)
        unitOfWork.inTransaction(() -> {
            accounts.update(changes.snapshot());
            changes.entries().forEach(entries::insert);
            changes.newLots().forEach(lots::insert);
            changes.changedLots().forEach(lot -> lots.replaceIf(lot.id(), stored -> true, stored -> lot));
        });
    }

    @Override
    public Optional<LoyaltyAccountSnapshot> find(CustomerId customer) {
        return accounts.get(customer);
    }

    @Override
    public Optional<LedgerEntry> findEntry(CustomerId customer, EntryKind kind, String reference) {
        if (reference == null) {
            // like SQL: a missing reference (an adjustment's) matches nothing
            return Optional.empty();
        }
        return entries.where(e -> e.customer().equals(customer) && e.kind() == kind
                && reference.equals(e.reference())).stream().findFirst();
    }

    @Override
    public List<LedgerEntry> entries(CustomerId customer, Long before, int limit) {
        return entries.where(e -> e.customer().equals(customer) && (before == null || e.position() < before))
                .stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public long earnedBetween(CustomerId customer, Instant from, Instant to) {
        return entries.where(e -> e.customer().equals(customer) && e.earnedAt() != null
                && !e.earnedAt().isBefore(from) && !e.earnedAt().isAfter(to)).stream()
                .mapToLong(LedgerEntry::earned).sum();
    }

    @Override
    public List<CustomerId> withLotsExpiringBy(Instant asOf, CustomerId after, int limit) {
        return page(lots.where(l -> l.isOpen() && !l.expiresAt().isAfter(asOf)).stream()
                .map(PointsLot::customer).toList(), after, limit);
    }

    @Override
    public List<CustomerId> accounts(CustomerId after, int limit) {
        return page(accounts.where(a -> true).stream().map(LoyaltyAccountSnapshot::customer).toList(), after, limit);
    }

    private static List<CustomerId> page(List<CustomerId> customers, CustomerId after, int limit) {
        Predicate<CustomerId> beyond = c -> after == null || BY_ID.compare(c, after) > 0;
        return customers.stream().distinct().filter(beyond).sorted(BY_ID).limit(limit).toList();
    }

    @Override
    public List<Earner> topEarners(Instant from, Instant to, int limit) {
        Map<CustomerId, Long> earned = new HashMap<>();
        entries.where(e -> e.earnedAt() != null && !e.earnedAt().isBefore(from) && e.earnedAt().isBefore(to))
                .forEach(e -> earned.merge(e.customer(), e.earned(), Long::sum));
        List<Earner> ranking = new ArrayList<>();
        earned.forEach((customer, points) -> {
            if (points > 0) {
                ranking.add(new Earner(customer, points));
            }
        });
        ranking.sort(Comparator.comparingLong(Earner::earned).reversed()
                .thenComparing(Earner::customer, BY_ID));
        return ranking.stream().limit(limit).toList();
    }

    @Override
    public int eraseRedemptionNotes(CustomerId customer) {
        int erased = 0;
        for (LedgerEntry e : entries.where(e -> e.customer().equals(customer) && e.kind() == EntryKind.REDEEM
                && e.description() != null)) {
            entries.replaceIf(e.id(), x -> true, x -> new LedgerEntry(x.id(), x.customer(), x.position(), x.kind(),
                    x.points(), x.shortfallChange(), x.earned(), x.balanceAfter(), x.occurredAt(), x.reference(), null,
                    x.lines(), x.earnedAt()));
            erased++;
        }
        return erased;
    }

    @Override
    public LedgerSums sums(CustomerId customer) {
        Optional<LoyaltyAccountSnapshot> state = accounts.get(customer);
        List<LedgerEntry> ledger = entries.where(e -> e.customer().equals(customer));
        return new LedgerSums(state.map(LoyaltyAccountSnapshot::balance).orElse(0L),
                state.map(LoyaltyAccountSnapshot::shortfall).orElse(0L),
                ledger.stream().mapToLong(LedgerEntry::points).sum(),
                lots.where(l -> l.customer().equals(customer)).stream().mapToLong(PointsLot::remaining).sum(),
                ledger.size());
    }
}
