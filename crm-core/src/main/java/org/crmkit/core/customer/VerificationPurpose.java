package org.crmkit.core.customer;

/**
 * What a contact verification proves, and what its token does once used. Every token goes to the address it proves
 * (an email to the email, a text message to the phone) through the host's
 * {@link org.crmkit.core.customer.port.out.ContactVerificationNotifier}.
 */
public enum VerificationPurpose {
    /**
     * A visitor proves they own an email before they sign up ({@code accounts().requestSignUp}); the token is then
     * part of {@code accounts().signUpCustomer}. A request for an email that is already registered gets a notice
     * without a token instead (see {@code ContactVerificationNotifier.Message#alreadyRegistered()}).
     */
    SIGN_UP,
    /**
     * Staff invite an existing customer to a portal account ({@code accounts().inviteCustomer}); the token, sent to
     * the customer's email, sets their first password ({@code accounts().acceptInvitation}).
     */
    INVITATION,
    /** A customer changed their own email; the token makes the new one theirs ({@code customers().confirmContact}). */
    EMAIL_CHANGE,
    /**
     * A customer set their own phone (a change, or the phone given at sign-up); the token makes it theirs
     * ({@code customers().confirmContact}).
     */
    PHONE_CHANGE
}
