package org.crmkit.core.loyalty.port.out;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.crmkit.core.loyalty.EntryKind;
import org.crmkit.core.loyalty.LedgerEntry;
import org.crmkit.core.loyalty.LockedLoyaltyAccount;
import org.crmkit.core.loyalty.LoyaltyChanges;
import org.crmkit.core.loyalty.LoyaltyAccountSnapshot;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.UuidV7;

/**
 * Loyalty accounts, their append-only ledgers (but for the redemption notes an erasure blanks) and their lots. Every
 * change of an account goes through {@link #lock(CustomerId)} (a row lock held to the end of the transaction) and
 * {@link #update(LoyaltyChanges)} (which stores only if the version is still the one read), so two changes of one
 * account never both win. Entries are unique per account, kind and reference: a purchase earns once, a return claws
 * back once, a lot expires once and an idempotency key redeems once; and unique per account and position, the order
 * they were posted in.
 */
public interface LoyaltyRepository {

    /**
     * Opens the account unless the customer has one (a concurrent opening waits for the other to commit and then
     * leaves it as it is).
     *
     * @param account a new, empty account's row
     * @return whether this call opened it
     */
    boolean addIfAbsent(LoyaltyAccountSnapshot account);

    /**
     * @param customer whose account
     * @return the account with its open lots, locked until the transaction ends
     */
    Optional<LockedLoyaltyAccount> lock(CustomerId customer);

    /**
     * Stores an account's changes: the row if its stored version is still the one it carries (at that version plus
     * one), the new entries and lots, and the changed lots' remainders.
     *
     * @param changes the changes of one account
     * @throws org.crmkit.core.shared.ConflictException {@code stale_version} when another change came first;
     *                                                   {@code duplicate} when an entry's reference was used
     */
    void update(LoyaltyChanges changes);

    /** @param customer whose account @return its row, without lots or entries */
    Optional<LoyaltyAccountSnapshot> find(CustomerId customer);

    /**
     * @param customer  whose ledger
     * @param kind      the kind of entry
     * @param reference its reference
     * @return the entry (with its lines)
     */
    Optional<LedgerEntry> findEntry(CustomerId customer, EntryKind kind, String reference);

    /**
     * A page of a ledger in posting order, newest first: by {@link LedgerEntry#position()}, which is unique per
     * ledger, so that each entry's balance after it follows from the next one listed (not by the time an entry took
     * effect, which a back-dated purchase puts before entries posted earlier).
     *
     * @param customer whose ledger
     * @param before   the position of the last entry of the previous page (the entries below it follow), or
     *                 {@code null} for the newest
     * @param limit    most entries
     * @return entries by position, highest first, each with its lines
     */
    List<LedgerEntry> entries(CustomerId customer, Long before, int limit);

    /**
     * @param customer whose ledger
     * @param from     first instant, inclusive
     * @param to       last instant, inclusive
     * @return the points earned then (by the entries' earning time: the purchase's), net of claw-backs
     */
    long earnedBetween(CustomerId customer, Instant from, Instant to);

    /**
     * @param asOf  an instant
     * @param after the last customer of the previous batch, or {@code null}
     * @param limit most customers
     * @return customers with an open lot that expires at or before {@code asOf}, by id
     */
    List<CustomerId> withLotsExpiringBy(Instant asOf, CustomerId after, int limit);

    /**
     * @param after the last customer of the previous batch, or {@code null}
     * @param limit most customers
     * @return customers with an account, by id
     */
    List<CustomerId> accounts(CustomerId after, int limit);

    /**
     * @param from  first instant, inclusive
     * @param to    last instant, exclusive
     * @param limit most customers
     * @return customers by points earned then (by the purchases' time, net of claw-backs), most first, then by id;
     *         only those above 0
     */
    List<Earner> topEarners(Instant from, Instant to, int limit);

    /**
     * @param customer whose ledger
     * @return the sums the invariants are about, read from storage
     */
    LedgerSums sums(CustomerId customer);

    /**
     * Blanks the note of every redemption in a customer's ledger ({@link LedgerEntry#description()} of the
     * {@link EntryKind#REDEEM} entries becomes {@code null}): their erasure. The one change a posted entry ever sees:
     * its points, balance, time and reference stay, so the ledger still adds up.
     *
     * @param customer whose ledger
     * @return how many notes were blanked
     */
    int eraseRedemptionNotes(CustomerId customer);

    // Many accounts at once, for bulk postings (a sales import's batch). Each default does what the one-account
    // method does, account by account; an adapter overrides them to send a few statements for the lot.

    /**
     * Opens the accounts whose customers have none, as {@link #addIfAbsent} does each, in the order of the customers'
     * ids (so that two callers opening overlapping sets wait for each other instead of deadlocking).
     *
     * @param accounts new, empty accounts' rows, of different customers
     * @return the customers whose accounts this call opened
     */
    default Set<CustomerId> addAllIfAbsent(List<LoyaltyAccountSnapshot> accounts) {
        List<LoyaltyAccountSnapshot> ordered = new ArrayList<>(accounts);
        ordered.sort((a, b) -> UuidV7.compareBytes(a.customer().value(), b.customer().value()));
        Set<CustomerId> opened = new LinkedHashSet<>();
        for (LoyaltyAccountSnapshot account : ordered) {
            if (addIfAbsent(account)) {
                opened.add(account.customer());
            }
        }
        return opened;
    }

    /**
     * Locks the accounts of the customers, as {@link #lock} does each, in the order of the customers' ids (one order
     * for every caller, so that no two of them deadlock on the rows).
     *
     * @param customers whose accounts
     * @return the accounts that exist, with their open lots, locked until the transaction ends, by customer
     */
    default Map<CustomerId, LockedLoyaltyAccount> lockAll(Collection<CustomerId> customers) {
        List<CustomerId> ordered = new ArrayList<>(new LinkedHashSet<>(customers));
        ordered.sort((a, b) -> UuidV7.compareBytes(a.value(), b.value()));
        Map<CustomerId, LockedLoyaltyAccount> locked = new LinkedHashMap<>();
        for (CustomerId customer : ordered) {
            lock(customer).ifPresent(account -> locked.put(customer, account));
        }
        return locked;
    }

    /**
     * Stores the changes of each account, as {@link #update} does each: all of them or, on a conflict, none (in the
     * caller's transaction, which the conflict rolls back).
     *
     * @param changes the changes of accounts of different customers, each locked
     * @throws org.crmkit.core.shared.ConflictException {@code stale_version} when another change of one of them came
     *                                                   first; {@code duplicate} when an entry's reference was used
     */
    default void updateAll(List<LoyaltyChanges> changes) {
        changes.forEach(this::update);
    }

    /**
     * @param customers whose accounts
     * @return the rows of the accounts that exist, without lots or entries, by customer
     */
    default Map<CustomerId, LoyaltyAccountSnapshot> findAll(Collection<CustomerId> customers) {
        Map<CustomerId, LoyaltyAccountSnapshot> found = new LinkedHashMap<>();
        for (CustomerId customer : new LinkedHashSet<>(customers)) {
            find(customer).ifPresent(state -> found.put(customer, state));
        }
        return found;
    }

    /**
     * @param kind the kind of entry
     * @param keys whose ledgers and which references: exactly these pairs (not every customer with every reference)
     * @return the entries of that kind under those pairs (with their lines), read as {@link #findEntry} reads
     */
    default List<LedgerEntry> findEntries(EntryKind kind, Collection<EntryKey> keys) {
        List<LedgerEntry> found = new ArrayList<>();
        for (EntryKey key : new LinkedHashSet<>(keys)) {
            findEntry(key.customer(), kind, key.reference()).ifPresent(found::add);
        }
        return found;
    }

    /**
     * The points the customers earned over a span, by earning time: what a batch of postings needs to decide the
     * tier of each purchase (the points earned in the tier window that ends at the purchase's time) and the tier each
     * account shows afterwards, read once for the batch. Each item sums, as {@link #earnedBetween} does over a span,
     * the {@code earned} of a customer's entries with one earning time (earnings, and claw-backs at the time of
     * the purchase they take back from); read as {@code earnedBetween} reads.
     *
     * <p>The default reads each ledger through {@link #entries}; an adapter overrides it to read the span alone.
     *
     * @param customers whose ledgers
     * @param from      first earning time, inclusive
     * @param to        last earning time, inclusive
     * @return one item per customer and earning time that has entries in the span (a sum of 0 included), by
     *         customer (their ids compared as unsigned bytes), then time
     */
    default List<Earning> earnings(Collection<CustomerId> customers, Instant from, Instant to) {
        List<CustomerId> ordered = new ArrayList<>(new LinkedHashSet<>(customers));
        ordered.sort((a, b) -> UuidV7.compareBytes(a.value(), b.value()));
        int pageSize = 500;
        List<Earning> earnings = new ArrayList<>();
        for (CustomerId customer : ordered) {
            TreeMap<Instant, Long> byTime = new TreeMap<>();
            Long before = null;
            while (true) {
                List<LedgerEntry> page = entries(customer, before, pageSize);
                page.stream().filter(e -> e.earnedAt() != null && !e.earnedAt().isBefore(from)
                        && !e.earnedAt().isAfter(to)).forEach(e -> byTime.merge(e.earnedAt(), e.earned(), Long::sum));
                if (page.size() < pageSize) {
                    break;
                }
                before = page.get(page.size() - 1).position();
            }
            byTime.forEach((at, earned) -> earnings.add(new Earning(customer, at, earned)));
        }
        return earnings;
    }

    /**
     * What a customer's entries with one earning time earned together.
     *
     * @param customer whose ledger
     * @param earnedAt the earning time
     * @param earned   the sum of the entries' {@code earned} (net of claw-backs; may be 0 or below)
     */
    record Earning(CustomerId customer, Instant earnedAt, long earned) {
        /** Checks presence. */
        public Earning {
            java.util.Objects.requireNonNull(customer, "customer");
            java.util.Objects.requireNonNull(earnedAt, "earnedAt");
        }
    }

    /**
     * Where an entry is looked for: a ledger and a reference.
     *
     * @param customer  whose ledger
     * @param reference the entry's reference
     */
    record EntryKey(CustomerId customer, String reference) {
        /** Checks both are present. */
        public EntryKey {
            java.util.Objects.requireNonNull(customer, "customer");
            java.util.Objects.requireNonNull(reference, "reference");
        }
    }

    /**
     * @param customer a customer
     * @param earned   points earned in the period
     */
    record Earner(CustomerId customer, long earned) {
    }

    /**
     * @param balance    the account row's balance
     * @param shortfall  the account row's shortfall
     * @param ofEntries  the sum of every entry's points
     * @param ofLots     the sum of the lots' remainders
     * @param entryCount how many entries
     */
    record LedgerSums(long balance, long shortfall, long ofEntries, long ofLots, long entryCount) {
        /** @return whether balance = sum of entries = sum of lots, and balance and shortfall are 0 or more */
        public boolean hold() {
            return balance == ofEntries && balance == ofLots && balance >= 0 && shortfall >= 0;
        }
    }
}
