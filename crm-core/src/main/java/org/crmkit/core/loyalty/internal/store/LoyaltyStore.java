package org.crmkit.core.loyalty.internal.store;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LockedLoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.loyalty.internal.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.port.out.LoyaltyRepository;
import org.crmkit.core.shared.CustomerId;

/**
 * The loyalty area's repository of accounts, on the adapter's {@link LoyaltyRepository}: it opens accounts by their
 * rows, restores a locked account from its row and open lots, hands the port an account's pulled changes, and moves
 * the account's version on once the port stored them. The port stays free of the domain, so an adapter (crmkit's or
 * a host's) needs only the API.
 */
public final class LoyaltyStore {
    private final LoyaltyRepository port;

    /** @param port the adapter's port */
    public LoyaltyStore(LoyaltyRepository port) {
        this.port = port;
    }

    /** @param account a new, empty account @return whether this call opened it @see LoyaltyRepository#addIfAbsent */
    public boolean addIfAbsent(LoyaltyAccount account) {
        return port.addIfAbsent(account.snapshot());
    }

    /** @param customer whose account @return the account, locked @see LoyaltyRepository#lock */
    public Optional<LoyaltyAccount> lock(CustomerId customer) {
        return port.lock(customer).map(LoyaltyStore::restore);
    }

    /** @param account a changed account; its version moves on once stored @see LoyaltyRepository#update */
    public void update(LoyaltyAccount account) {
        port.update(account.pullChanges());
        account.recordStored();
    }

    /** @see LoyaltyRepository#eraseRedemptionNotes */
    public int eraseRedemptionNotes(CustomerId customer) {
        return port.eraseRedemptionNotes(customer);
    }

    /** @see LoyaltyRepository#find */
    public Optional<LoyaltyAccountSnapshot> find(CustomerId customer) {
        return port.find(customer);
    }

    /** @see LoyaltyRepository#findEntry */
    public Optional<LedgerEntry> findEntry(CustomerId customer, EntryKind kind, String reference) {
        return port.findEntry(customer, kind, reference);
    }

    /** @see LoyaltyRepository#entries */
    public List<LedgerEntry> entries(CustomerId customer, Long before, int limit) {
        return port.entries(customer, before, limit);
    }

    /** @see LoyaltyRepository#earnedBetween */
    public long earnedBetween(CustomerId customer, Instant from, Instant to) {
        return port.earnedBetween(customer, from, to);
    }

    /** @see LoyaltyRepository#withLotsExpiringBy */
    public List<CustomerId> withLotsExpiringBy(Instant asOf, CustomerId after, int limit) {
        return port.withLotsExpiringBy(asOf, after, limit);
    }

    /** @see LoyaltyRepository#accounts */
    public List<CustomerId> accounts(CustomerId after, int limit) {
        return port.accounts(after, limit);
    }

    /** @see LoyaltyRepository#topEarners */
    public List<LoyaltyRepository.Earner> topEarners(Instant from, Instant to, int limit) {
        return port.topEarners(from, to, limit);
    }

    /** @see LoyaltyRepository#sums */
    public LoyaltyRepository.LedgerSums sums(CustomerId customer) {
        return port.sums(customer);
    }

    /** @see LoyaltyRepository#addAllIfAbsent */
    public Set<CustomerId> addAllIfAbsent(List<LoyaltyAccount> accounts) {
        return port.addAllIfAbsent(accounts.stream().map(LoyaltyAccount::snapshot).toList());
    }

    /** @see LoyaltyRepository#lockAll */
    public Map<CustomerId, LoyaltyAccount> lockAll(Collection<CustomerId> customers) {
        Map<CustomerId, LoyaltyAccount> locked = new LinkedHashMap<>();
        port.lockAll(customers).forEach((customer, account) -> locked.put(customer, restore(account)));
        return locked;
    }

    /** @param accounts changed accounts; their versions move on once stored @see LoyaltyRepository#updateAll */
    public void updateAll(List<LoyaltyAccount> accounts) {
        port.updateAll(accounts.stream().map(LoyaltyAccount::pullChanges).toList());
        accounts.forEach(LoyaltyAccount::recordStored);
    }

    /** @see LoyaltyRepository#findAll */
    public Map<CustomerId, LoyaltyAccountSnapshot> findAll(Collection<CustomerId> customers) {
        return port.findAll(customers);
    }

    /** @see LoyaltyRepository#findEntries */
    public List<LedgerEntry> findEntries(EntryKind kind, Collection<LoyaltyRepository.EntryKey> keys) {
        return port.findEntries(kind, keys);
    }

    /** @see LoyaltyRepository#earnings */
    public List<LoyaltyRepository.Earning> earnings(Collection<CustomerId> customers, Instant from, Instant to) {
        return port.earnings(customers, from, to);
    }

    private static LoyaltyAccount restore(LockedLoyaltyAccount account) {
        return LoyaltyAccount.restore(account.snapshot(), account.openLots());
    }
}
