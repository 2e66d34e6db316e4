package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.staff.AccountHolder;

/** The staff area's part in a customer's erasure: their login account and reset tokens go. */
final class AccountEraser implements PersonalDataEraser {
    private final AccountStore accounts;

    AccountEraser(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        accounts.findByHolder(AccountHolder.of(customer)).ifPresent(account -> accounts.delete(account.id()));
    }
}
