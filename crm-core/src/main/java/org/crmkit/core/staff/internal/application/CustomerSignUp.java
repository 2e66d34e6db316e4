package org.crmkit.core.staff.internal.application;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.internal.port.ContactVerifications;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.CustomerSignUpCommand;
import org.crmkit.core.staff.port.in.SignedUpCustomer;

/**
 * A customer's self-service sign-up, in two steps: a request sends a token to the email (or, when the email is
 * registered already, a notice to its owner), answering the visitor the same either way; the sign-up with that token
 * registers the customer through the customer area and opens their account, logged in, in one transaction. A phone
 * given at sign-up becomes the customer's once they confirm the token sent to it.
 */
final class CustomerSignUp {
    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final ContactVerifications verifications;
    private final AccountSteps steps;
    private final AccountSecurity security;

    CustomerSignUp(UseCaseSupport support, AccountStore accounts, ContactVerifications verifications,
                   AccountSteps steps, AccountSecurity security) {
        this.support = support;
        this.accounts = accounts;
        this.verifications = verifications;
        this.steps = steps;
        this.security = security;
    }

    /** A sign-up request's arguments. */
    record SignUpRequest(@NotNull @Size(max = 254) String email, @NotNull @Valid AccessContext context) {
        @Override
        public String toString() {
            return "SignUpRequest[withheld]";
        }
    }

    void requestSignUp(String email, AccessContext context) {
        EmailAddress address = support.validate(Actor.anonymous(), new SignUpRequest(email, context),
                checks -> checks.attempt(() -> EmailAddress.of(email)));
        support.transaction(() -> {
            verifications.requestSignUp(address, accounts.findByLoginForUpdate(address).isPresent());
            return null;
        });
    }

    SignedUpCustomer signUpCustomer(CustomerSignUpCommand command, AccessContext context) {
        Actor anonymous = Actor.anonymous();
        // the constraints, the context, the name, phone and email the customer area will check, and the password
        // policy together: every bad field in one refusal, before anything is read or hashed
        EmailAddress email = support.validate(anonymous, command, checks -> {
            checks.attempt(() -> Arguments.requireContext(context));
            checks.attempt(() -> new PersonName(command.firstName(), command.lastName()));
            if (command.phone() != null && !command.phone().isBlank()) {
                checks.attempt(() -> PhoneNumber.parse(command.phone()));
            }
            EmailAddress address = checks.attempt(() -> EmailAddress.of(command.email()));
            checks.attempt(() -> {
                security.passwordPolicy().check("password", command.password(), address);
                return null;
            });
            return address;
        });
        // the token before the hash: a visitor without one costs no key stretching
        support.transaction(() -> verifications.require(VerificationPurpose.SIGN_UP, command.token(), email.value()));
        String hash = security.hasher().hash(command.password());
        try {
            return signUp(command, context, email, hash);
        } catch (ConflictException e) {
            if (!"duplicate".equals(e.code())) {
                throw e;
            }
            // the caller owns the email, so they may learn it is taken; still not by whom
            throw ConflictException.signUpTaken();
        }
    }

    private SignedUpCustomer signUp(CustomerSignUpCommand command, AccessContext context, EmailAddress email,
                                    String hash) {
        return support.transaction(() -> {
            ContactVerification proof = verifications.require(VerificationPurpose.SIGN_UP, command.token(),
                    email.value());
            verifications.use(proof);
            if (accounts.findByLoginForUpdate(email).isPresent()) {
                throw ConflictException.signUpTaken();
            }
            CustomerView customer = verifications.registerSignedUp(command.firstName(), command.lastName(), email,
                    command.phone(), command.marketingConsent());
            return steps.openCustomerAccount(customer.id(), email, hash, "account.sign_up", context);
        });
    }
}
