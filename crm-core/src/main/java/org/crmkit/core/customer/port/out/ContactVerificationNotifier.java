package org.crmkit.core.customer.port.out;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.shared.CustomerId;

/**
 * Delivers contact verifications (by email to an email address, by text message to a phone), implemented by the
 * host. Called after the verification is committed, on the caller's thread; the token text exists nowhere else,
 * since crmkit stores only its hash. Hand the message to a queue and return at once, so that the answer to a
 * visitor takes the same time whatever was sent.
 *
 * <p>The host turns a token into a link or a code the person enters, and hands it back to the use case the purpose
 * names: {@code accounts().signUpCustomer} ({@link VerificationPurpose#SIGN_UP}), {@code accounts().acceptInvitation}
 * ({@link VerificationPurpose#INVITATION}), {@code customers().confirmContact} (the two changes).
 */
@FunctionalInterface
public interface ContactVerificationNotifier {

    /** @param message what to deliver */
    void deliver(Message message);

    /** @return a notifier that drops every message (the default: no sign-up, invitation or change completes) */
    static ContactVerificationNotifier none() {
        return message -> { };
    }

    /**
     * A verification to deliver, or a notice.
     *
     * @param purpose   what it is for
     * @param customer  whose, or {@code null} for a sign-up
     * @param address   where to deliver it: an email, or a phone in E.164 for {@link VerificationPurpose#PHONE_CHANGE}
     * @param token     the one-time token text, or {@code null} for a notice that the email is already registered
     * @param expiresAt when the token stops working, or {@code null} with no token
     */
    record Message(VerificationPurpose purpose, CustomerId customer, String address, String token,
                   Instant expiresAt) {
        /** Checks the required parts. */
        public Message {
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(address, "address");
        }

        /**
         * @return whether this is the notice for a sign-up request with an email that already has an account or
         * belongs to a customer: no token; tell the owner that someone (maybe they) tried to sign up, and that they
         * can log in, reset their password, or ask for an invitation. The visitor was answered exactly as for a new
         * email, so only the owner of the address learns that it is registered.
         */
        public boolean alreadyRegistered() {
            return token == null;
        }

        @Override
        public String toString() {
            return "ContactVerificationNotifier.Message[purpose=" + purpose + ", customer=" + customer
                    + ", expiresAt=" + expiresAt + "]";
        }
    }
}
