package org.crmkit.core.staff.internal.application;

import java.time.Instant;
import org.crmkit.core.customer.internal.port.ContactChangeParticipant;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.port.out.PasswordResetTokenRepository;

/**
 * A customer's login follows their contact email: when the email changes (entered by staff, or proven by the
 * customer), the account logs in with the new one, and reset tokens mailed to the old one stop working. An email
 * another account logs in with refuses the change, naming no one.
 */
final class LoginFollower implements ContactChangeParticipant {
    private final AccountStore accounts;
    private final PasswordResetTokenRepository tokens;

    LoginFollower(AccountStore accounts, PasswordResetTokenRepository tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void emailChanged(CustomerId customer, EmailAddress email, Instant at) {
        accounts.findByHolder(AccountHolder.of(customer)).ifPresent(account -> {
            if (account.login().equals(email)) {
                return;
            }
            if (accounts.findByLoginForUpdate(email).isPresent()) {
                throw ConflictException.duplicate("account", "email", null);
            }
            account.changeLogin(email);
            accounts.update(account);
            tokens.markAllUsed(account.id(), at);
        });
    }
}
