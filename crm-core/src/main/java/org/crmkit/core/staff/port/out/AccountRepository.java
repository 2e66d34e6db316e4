package org.crmkit.core.staff.port.out;

import java.util.Optional;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.AccountSnapshot;

/**
 * Stores login accounts. Logins are unique ({@code duplicate} on field {@code login}), one account per holder
 * ({@code duplicate} on field {@code holder}); {@link #update} is optimistic.
 */
public interface AccountRepository {

    /** @param account a new account */
    void add(AccountSnapshot account);

    /** @param account a changed account, stored only at the version it was loaded at */
    void update(AccountSnapshot account);

    /** @param id the account @return it, if stored */
    Optional<AccountSnapshot> findById(AccountId id);

    /**
     * Finds an account by login and locks it until the transaction ends (MySQL {@code SELECT ... FOR UPDATE}), so
     * that concurrent logins of one account are counted one after the other.
     *
     * @param login the login email
     * @return the account, if any
     */
    Optional<AccountSnapshot> findByLoginForUpdate(EmailAddress login);

    /** @param holder a staff user or customer @return their account, if any */
    Optional<AccountSnapshot> findByHolder(AccountHolder holder);

    /** @param id an account to delete with its reset tokens (a GDPR erasure) */
    void delete(AccountId id);
}
