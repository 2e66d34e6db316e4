package org.crmkit.core.staff.port.out;

import java.time.Instant;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.staff.AccountHolder;

/**
 * Delivers a password reset token to its holder (by email, text message, ...), implemented by the host. Called after
 * the token is committed, on the caller's thread; the token text exists nowhere else, since crmkit stores only its
 * hash. Hand the message to a queue or an executor and return at once: a request for an unknown email delivers
 * nothing, so a notifier that sends while the caller waits makes a known email measurably slower to answer.
 */
@FunctionalInterface
public interface PasswordResetNotifier {

    /** @param message what to deliver */
    void deliver(Message message);

    /** @return a notifier that drops every message (the default: a host that wants resets plugs in its own) */
    static PasswordResetNotifier none() {
        return message -> { };
    }

    /**
     * A reset token to deliver.
     *
     * @param holder    whose account
     * @param login     the account's login email, where to send it
     * @param token     the one-time token text
     * @param expiresAt when it stops working
     */
    record Message(AccountHolder holder, EmailAddress login, String token, Instant expiresAt) {
        @Override
        public String toString() {
            return "PasswordResetNotifier.Message[holder=" + holder + ", expiresAt=" + expiresAt + "]";
        }
    }
}
