package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.internal.store.SecondFactorStore;
import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.port.out.AccessLog;

/**
 * The staff area's part in a customer's erasure: their login account, its second factor and reset tokens go, and the
 * access log's entries of that account lose the source address and user agent they hold. The entries stay (time,
 * event, outcome): the security record of what happened, without the person's network details.
 */
final class AccountEraser implements PersonalDataEraser {
    private final AccountStore accounts;
    private final SecondFactorStore factors;
    private final AccessLog accessLog;

    AccountEraser(AccountStore accounts, SecondFactorStore factors, AccessLog accessLog) {
        this.accounts = accounts;
        this.factors = factors;
        this.accessLog = accessLog;
    }

    @Override
    public void eraseCustomer(CustomerId customer, Instant at) {
        accounts.findByHolder(AccountHolder.of(customer)).ifPresent(account -> {
            factors.delete(account.id());
            accessLog.eraseContext(account.id());
            accounts.delete(account.id());
        });
    }
}
