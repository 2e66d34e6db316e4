package org.crmkit.core.staff.port.out;

import java.util.Optional;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.SecondFactorSnapshot;

/**
 * Stores the accounts' second factors, at most one per account ({@code duplicate} on field {@code account}); an open
 * challenge's hash is unique ({@code duplicate} on field {@code challengeHash}). {@link #update} is optimistic. The
 * use cases lock an account's row ({@link AccountRepository#findByLoginForUpdate}) before its second factor's, always
 * in that order.
 */
public interface SecondFactorRepository {

    /** @param factor a new second factor of an account that has none */
    void add(SecondFactorSnapshot factor);

    /** @param factor a changed second factor, stored only at the version it was loaded at */
    void update(SecondFactorSnapshot factor);

    /**
     * Finds an account's second factor and locks it until the transaction ends (MySQL {@code SELECT ... FOR UPDATE}),
     * so that two codes given at once are checked one after the other: a code is accepted once.
     *
     * @param account the account
     * @return its second factor, if any
     */
    Optional<SecondFactorSnapshot> findByAccountForUpdate(AccountId account);

    /**
     * Reads without locking (the caller then locks the account, and the second factor with
     * {@link #findByAccountForUpdate}).
     *
     * @param challengeHash hex SHA-256 of a login challenge
     * @return the second factor whose open challenge has that hash, if any
     */
    Optional<SecondFactorSnapshot> findByChallenge(String challengeHash);

    /** @param account an account whose second factor is removed (disabled, reset, or erased with the account) */
    void delete(AccountId account);
}
