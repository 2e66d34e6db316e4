package org.crmkit.core.internal.inmemory;

import java.util.Optional;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.SecondFactorSnapshot;
import org.crmkit.core.staff.port.out.SecondFactorRepository;

/**
 * The accounts' second factors in memory: one per account, unique by open challenge, versioned. The unit of work's
 * one lock already makes {@link #findByAccountForUpdate} exclusive.
 */
public final class InMemorySecondFactorRepository implements SecondFactorRepository {
    private final InMemoryTable<AccountId, SecondFactorSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemorySecondFactorRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<AccountId, SecondFactorSnapshot>(unitOfWork, "second_factor",
                SecondFactorSnapshot::account, SecondFactorSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("challengeHash", SecondFactorSnapshot::challengeHash);
    }

    @Override
    public void add(SecondFactorSnapshot factor) {
        try {
            table.insert(factor);
        } catch (ConflictException e) {
            // the key is the account: a second one of an account is named by that field, as on MySQL
            throw "id".equals(e.field()) ? ConflictException.duplicate("second_factor", "account", null) : e;
        }
    }

    @Override
    public void update(SecondFactorSnapshot factor) {
        table.update(factor);
    }

    @Override
    public Optional<SecondFactorSnapshot> findByAccountForUpdate(AccountId account) {
        return table.get(account);
    }

    @Override
    public Optional<SecondFactorSnapshot> findByChallenge(String challengeHash) {
        return table.where(f -> challengeHash.equals(f.challengeHash())).stream().findFirst();
    }

    @Override
    public void delete(AccountId account) {
        table.delete(account);
    }
}
