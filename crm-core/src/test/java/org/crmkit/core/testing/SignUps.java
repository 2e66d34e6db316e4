package org.crmkit.core.testing;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.Crm;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.internal.AreaPorts;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.OneTimeTokens;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;

/**
 * Sign-ups for tests that need a signed-up customer but are not about proving the email: the sign-up token a
 * visitor would have received is stored directly, as {@code accounts().requestSignUp} stores it. Tests of the
 * verification itself go through {@code requestSignUp} and the host's notifier.
 */
public final class SignUps {
    private static final Instant FAR_FUTURE = Instant.parse("2999-01-01T00:00:00Z");

    private SignUps() {
    }

    /**
     * @return a sign-up command carrying a usable sign-up token for its email (for an email that is no email address,
     *         a token that was never issued: the command is refused for the email first)
     */
    public static CustomerSignUpCommand command(Crm crm, String firstName, String lastName, String email,
                                                String phone, boolean marketingConsent, String password) {
        return new CustomerSignUpCommand(tokenFor(crm, email), firstName, lastName, email, phone, marketingConsent,
                password);
    }

    /** @return a usable sign-up token for the email, as if it had been delivered */
    public static String tokenFor(Crm crm, String email) {
        String token = OneTimeTokens.next();
        EmailAddress address;
        try {
            address = EmailAddress.of(email);
        } catch (InvalidValueException | NullPointerException notAnEmail) {
            return token;
        }
        AreaPorts ports = CrmTestAccess.persistence(crm);
        ports.unitOfWork().inTransaction(() -> ports.contactVerifications().add(new ContactVerification(
                UuidV7.next(java.time.Clock.systemUTC()), VerificationPurpose.SIGN_UP, null, address.value(),
                OneTimeTokens.hash(token), Instant.EPOCH, FAR_FUTURE, null)));
        return token;
    }

    /** @return a token no one issued */
    public static String unknownToken() {
        return UUID.randomUUID().toString();
    }
}
