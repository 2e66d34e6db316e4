package org.crmkit.core.customer.internal.port;

import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;

/**
 * The customer area's contact verifications as the staff area's sign-up and invitation use them, inside their own
 * use case's transaction and after their own checks. Never a host's.
 */
public interface ContactVerifications {

    /**
     * A visitor's sign-up request: a {@link VerificationPurpose#SIGN_UP} token for the email, or, when a customer
     * who is not erased holds it or {@code loginTaken}, a notice without a token; delivered after commit.
     *
     * @param email      the email to prove
     * @param loginTaken whether an account logs in with it
     */
    void requestSignUp(EmailAddress email, boolean loginTaken);

    /**
     * @param purpose the purpose the caller expects
     * @param token   the token text
     * @param address the address the caller expects it to prove, or {@code null} for any
     * @return the verification: of that purpose (and address), unused and not expired
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code verification_token_invalid}) otherwise
     */
    ContactVerification require(VerificationPurpose purpose, String token, String address);

    /**
     * @param verification a usable verification
     * @throws org.crmkit.core.shared.BusinessRuleViolationException ({@code verification_token_invalid}) when a
     *                                                               concurrent use won
     */
    void use(ContactVerification verification);

    /**
     * Registers a signed-up customer with the email they proved (an anonymous self-registration); a phone is not
     * stored but sent a {@link VerificationPurpose#PHONE_CHANGE} token, so it becomes theirs when they prove it.
     *
     * @param firstName        given name
     * @param lastName         family name
     * @param email            the proven email
     * @param phone            the phone they gave, or {@code null}
     * @param marketingConsent their consent
     * @return the new customer
     */
    CustomerView registerSignedUp(String firstName, String lastName, EmailAddress email, String phone,
                                  boolean marketingConsent);

    /**
     * Issues an {@link VerificationPurpose#INVITATION} to the customer's email, replacing their earlier ones;
     * delivered after commit.
     *
     * @param customer the customer
     * @param email    their email now
     */
    void invite(CustomerId customer, EmailAddress email);
}
