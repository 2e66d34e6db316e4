package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.staff.AccountHolder;

/** The staff area's part in a customer's erasure: their login account, its second factor and reset tokens go. */
final class AccountEraser implements PersonalDataEraser {
    private final AccountStore accounts;
    private final SecondFactorStore factors;

    AccountEraser(AccountStore accounts, SecondFactorStore factors) {
        this.accounts = accounts;
        this.factors = factors;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        accounts.findByHolder(AccountHolder.of(customer)).ifPresent(account -> {
            factors.delete(account.id());
            accounts.delete(account.id());
        });
    }
}
