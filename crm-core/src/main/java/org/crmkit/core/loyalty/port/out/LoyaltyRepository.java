package org.crmkit.core.loyalty.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.loyalty.domain.EntryKind;
import org.crmkit.core.loyalty.domain.LedgerEntry;
import org.crmkit.core.loyalty.domain.LoyaltyAccount;
import org.crmkit.core.loyalty.domain.LoyaltyAccountState;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;

/**
 * Loyalty accounts, their append-only ledgers and their lots. Every change of an account goes through
 * {@link #lock(CustomerId)} (a row lock held to the end of the transaction) and {@link #update(LoyaltyAccount)} (which
 * stores only if the version is still the one read), so two changes of one account never both win. Entries are
 * unique per account, kind and reference: a purchase earns once, a return claws back once, a lot expires once and an
 * idempotency key redeems once.
 */
public interface LoyaltyRepository {

    /**
     * Opens the account unless the customer has one (a concurrent opening waits for the other to commit and then
     * leaves it as it is).
     *
     * @param account a new, empty account
     * @return whether this call opened it
     */
    boolean addIfAbsent(LoyaltyAccount account);

    /**
     * @param customer whose account
     * @return the account with its open lots, locked until the transaction ends
     */
    Optional<LoyaltyAccount> lock(CustomerId customer);

    /**
     * Stores the account's pulled changes: the row if its stored version is still the account's, the new entries
     * and lots, and the changed lots' remainders; then moves the account's version on.
     *
     * @param account a changed account
     * @throws org.crmkit.core.shared.ConflictException {@code stale_version} when another change came first;
     *                                                   {@code duplicate} when an entry's reference was used
     */
    void update(LoyaltyAccount account);

    /** @param customer whose account @return its row, without lots or entries */
    Optional<LoyaltyAccountState> find(CustomerId customer);

    /**
     * @param customer  whose ledger
     * @param kind      the kind of entry
     * @param reference its reference
     * @return the entry (with its lines)
     */
    Optional<LedgerEntry> findEntry(CustomerId customer, EntryKind kind, String reference);

    /**
     * @param customer whose ledger
     * @param after    the last entry of the previous page, or {@code null}
     * @param limit    most entries
     * @return entries newest first (by time, then id), each with its lines
     */
    List<LedgerEntry> entries(CustomerId customer, EntryPosition after, int limit);

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
