package org.crmkit.core.internal.inmemory;

import java.util.Optional;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;
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
    public void add(AccountSnapshot account) {
        table.insert(account);
    }

    @Override
    public void update(AccountSnapshot account) {
        table.update(account);
    }

    @Override
    public Optional<AccountSnapshot> findById(AccountId id) {
        return table.get(id);
    }

    @Override
    public Optional<AccountSnapshot> findByLoginForUpdate(EmailAddress login) {
        return table.where(a -> a.login().equals(login)).stream().findFirst();
    }

    @Override
    public Optional<AccountSnapshot> findByHolder(AccountHolder holder) {
        return table.where(a -> a.holder().equals(holder)).stream().findFirst();
    }

    @Override
    public void delete(AccountId id) {
        tokens.deleteAllOf(id);
        table.delete(id);
    }
}
