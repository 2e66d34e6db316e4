package org.crmkit.core.staff.internal.store;

import java.util.Optional;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.out.AccountRepository;

/**
 * The staff area's repository of aggregates, on the adapter's {@link AccountRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class AccountStore {
    private final AccountRepository port;

    /** @param port the adapter's port */
    public AccountStore(AccountRepository port) {
        this.port = port;
    }

    /** @see AccountRepository#add */
    public void add(Account account) {
        port.add(account.snapshot());
    }

    /** @see AccountRepository#update */
    public void update(Account account) {
        port.update(account.snapshot());
        account.recordStored();
    }

    /** @see AccountRepository#findById */
    public Optional<Account> findById(AccountId id) {
        return port.findById(id).map(Account::restore);
    }

    /** @see AccountRepository#findByLoginForUpdate */
    public Optional<Account> findByLoginForUpdate(EmailAddress login) {
        return port.findByLoginForUpdate(login).map(Account::restore);
    }

    /** @see AccountRepository#findByHolder */
    public Optional<Account> findByHolder(AccountHolder holder) {
        return port.findByHolder(holder).map(Account::restore);
    }

    /** @see AccountRepository#delete */
    public void delete(AccountId id) {
        port.delete(id);
    }
}
