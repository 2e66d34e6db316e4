package org.crmkit.core.staff.internal.store;

import java.util.Optional;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.internal.domain.SecondFactor;
import org.crmkit.core.staff.port.out.SecondFactorRepository;

/**
 * The second factors as aggregates, on the adapter's {@link SecondFactorRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it.
 */
public final class SecondFactorStore {
    private final SecondFactorRepository port;

    /** @param port the adapter's port */
    public SecondFactorStore(SecondFactorRepository port) {
        this.port = port;
    }

    /** @see SecondFactorRepository#add */
    public void add(SecondFactor factor) {
        port.add(factor.snapshot());
    }

    /** @see SecondFactorRepository#update */
    public void update(SecondFactor factor) {
        port.update(factor.snapshot());
        factor.recordStored();
    }

    /** @see SecondFactorRepository#findByAccountForUpdate */
    public Optional<SecondFactor> findByAccountForUpdate(AccountId account) {
        return port.findByAccountForUpdate(account).map(SecondFactor::restore);
    }

    /** @see SecondFactorRepository#findByChallenge */
    public Optional<SecondFactor> findByChallenge(String challengeHash) {
        return port.findByChallenge(challengeHash).map(SecondFactor::restore);
    }

    /** @see SecondFactorRepository#delete */
    public void delete(AccountId account) {
        port.delete(account);
    }
}
