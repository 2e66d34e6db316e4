package org.crmkit.core.internal.inmemory;

import java.util.Optional;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.domain.Account;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.domain.AccountSnapshot;
import org.crmkit.core.staff.port.out.AccountRepository;

/**
 * Login accounts in memory, unique by login and by holder, versioned. The unit of work's one lock already makes
 * {@link #findByLoginForUpdate} exclusive.
 */
public final class InMemoryAccountRepository implements AccountRepository {
    private final InMemoryTable<AccountId, AccountSnapshot> table;
    private final InMemoryPasswordResetTokenRepository tokens;

    /**
     * @param unitOfWork the unit of work whose transactions this store takes part in
     * @param tokens     the reset tokens, deleted with their account
     */
    public InMemoryAccountRepository(InMemoryUnitOfWork unitOfWork, InMemoryPasswordResetTokenRepository tokens) {
        this.tokens = tokens;
        this.table = new InMemoryTable<AccountId, AccountSnapshot>(unitOfWork, "account", AccountSnapshot::id,
                AccountSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("login", AccountSnapshot::login)
                .unique("holder", AccountSnapshot::holder);
    }

    @Override
    public void add(Account account) {
        table.insert(account.snapshot());
    }

    @Override
    public void update(Account account) {
        table.update(account.snapshot(), account::recordStored);
    }

    @Override
    public Optional<Account> findById(AccountId id) {
        return table.get(id).map(Account::restore);
    }

    @Override
    public Optional<Account> findByLoginForUpdate(EmailAddress login) {
        return table.where(a -> a.login().equals(login)).stream().findFirst().map(Account::restore);
    }

    @Override
    public Optional<Account> findByHolder(AccountHolder holder) {
        return table.where(a -> a.holder().equals(holder)).stream().findFirst().map(Account::restore);
    }

    @Override
    public void delete(AccountId id) {
        tokens.deleteAllOf(id);
        table.delete(id);
    }
}
