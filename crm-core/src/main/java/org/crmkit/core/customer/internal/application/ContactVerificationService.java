package org.crmkit.core.customer.internal.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.CustomerError;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.port.ContactChangeParticipant;
import org.crmkit.core.customer.internal.port.ContactVerifications;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.customer.port.out.ContactVerificationNotifier;
import org.crmkit.core.customer.port.out.ContactVerificationRepository;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.shared.internal.OneTimeTokens;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Contact details a person sets themself become theirs only once they prove they own them: a single-use token goes
 * to the address through the host's {@link ContactVerificationNotifier}, and only its hash is stored. Until then
 * the customer record keeps the details it had, so a lead conversion, a duplicate check or a login can never attach
 * to an address its claimant does not own (see docs/adr/0018-verified-contact-details.md).
 */
final class ContactVerificationService implements ContactVerifications {
    private static final String TYPE = CustomerAccess.TYPE;

    private final UseCaseSupport support;
    private final ContactVerificationRepository verifications;
    private final ContactVerificationNotifier notifier;
    private final Duration ttl;
    private final CustomerStore customers;
    private final CustomerUniqueness uniqueness;
    private final CustomerRegistration registration;
    private final List<ContactChangeParticipant> participants;

    ContactVerificationService(UseCaseSupport support, ContactVerificationRepository verifications,
                               ContactVerificationNotifier notifier, Duration ttl, CustomerStore customers,
                               CustomerUniqueness uniqueness, CustomerRegistration registration,
                               List<ContactChangeParticipant> participants) {
        this.support = support;
        this.verifications = verifications;
        this.notifier = notifier;
        this.ttl = ttl;
        this.customers = customers;
        this.uniqueness = uniqueness;
        this.registration = registration;
        this.participants = List.copyOf(participants);
    }

    @Override
    public void requestSignUp(EmailAddress email, boolean loginTaken) {
        boolean registered = loginTaken || !customers.findByEmail(email).isEmpty();
        if (registered) {
            ContactVerificationNotifier.Message notice = new ContactVerificationNotifier.Message(
                    VerificationPurpose.SIGN_UP, null, email.value(), null, null);
            support.afterCommit("sign-up notice delivery", () -> notifier.deliver(notice));
        } else {
            issue(VerificationPurpose.SIGN_UP, null, email.value());
        }
    }

    @Override
    public ContactVerification require(VerificationPurpose purpose, String token, String address) {
        return usable(purpose, token).filter(v -> address == null || v.address().equals(address))
                .orElseThrow(ContactVerificationService::invalidToken);
    }

    @Override
    public void use(ContactVerification verification) {
        if (!verifications.markUsed(verification.id(), support.now())) {
            throw invalidToken();
        }
    }

    private Optional<ContactVerification> usable(VerificationPurpose purpose, String token) {
        return verifications.findByHash(OneTimeTokens.hash(token))
                .filter(v -> v.purpose() == purpose && v.isUsable(support.now()));
    }

    @Override
    public CustomerView registerSignedUp(String firstName, String lastName, EmailAddress email, String phone,
                                         boolean marketingConsent) {
        CustomerView customer = registration.registerSelf(RegisterCustomerCommand.selfSignUp(firstName, lastName,
                email.value(), null, marketingConsent));
        if (phone != null && !phone.isBlank()) {
            issue(VerificationPurpose.PHONE_CHANGE, customer.id(), PhoneNumber.parse(phone).value());
        }
        return customer;
    }

    @Override
    public void invite(CustomerId customer, EmailAddress email) {
        verifications.markAllUsed(customer, VerificationPurpose.INVITATION, support.now());
        issue(VerificationPurpose.INVITATION, customer, email.value());
    }

    /**
     * A customer's own change of contact details: what they may set at once (name, address, personal details, and
     * removing their phone) is applied; a new email or phone is kept back and a verification sent to it.
     *
     * @param customer the customer, loaded in the change's transaction
     * @param wanted   the details they asked for
     * @return the details to apply now
     */
    ContactDetails holdBackUnproven(Customer customer, ContactDetails wanted) {
        ContactDetails current = customer.contact().orElseThrow();
        ContactDetails applied = wanted;
        if (!wanted.email().equals(current.email())) {
            verifications.markAllUsed(customer.id(), VerificationPurpose.EMAIL_CHANGE, support.now());
            issue(VerificationPurpose.EMAIL_CHANGE, customer.id(), wanted.email().value());
            applied = new ContactDetails(applied.name(), current.email(), applied.phone(), applied.address());
        }
        if (wanted.phone() != null && !wanted.phone().equals(current.phone())) {
            verifications.markAllUsed(customer.id(), VerificationPurpose.PHONE_CHANGE, support.now());
            issue(VerificationPurpose.PHONE_CHANGE, customer.id(), wanted.phone().value());
            applied = new ContactDetails(applied.name(), applied.email(), current.phone(), applied.address());
        }
        return applied;
    }

    /** A customer's new email, staff-entered or proven: the other areas follow (the login moves to it). */
    void emailChanged(CustomerId customer, EmailAddress email) {
        participants.forEach(p -> p.emailChanged(customer, email, support.now()));
    }

    /** The use case {@code customers().confirmContact}: the token's address becomes the customer's. */
    void confirm(String token) {
        support.validate(Actor.anonymous(), new Arguments.TokenArgument(token));
        support.transaction(() -> {
            ContactVerification verification = usable(VerificationPurpose.EMAIL_CHANGE, token)
                    .or(() -> usable(VerificationPurpose.PHONE_CHANGE, token))
                    .orElseThrow(ContactVerificationService::invalidToken);
            Customer customer = customers.findById(verification.customer())
                    .orElseThrow(ContactVerificationService::invalidToken);
            use(verification);
            Actor self = Actor.customer(customer.id());
            support.applyChange(self, "customer.confirm_contact", TYPE, customer.id().value(), customer, null,
                    c -> apply(c, verification), customers::update);
            return null;
        });
    }

    private void apply(Customer customer, ContactVerification verification) {
        ContactDetails current = customer.contact().orElseThrow(ContactVerificationService::invalidToken);
        boolean email = verification.purpose() == VerificationPurpose.EMAIL_CHANGE;
        ContactDetails proven = email
                ? new ContactDetails(current.name(), EmailAddress.of(verification.address()), current.phone(),
                current.address())
                : new ContactDetails(current.name(), current.email(), PhoneNumber.parse(verification.address()),
                current.address());
        customer.changeContactDetails(proven, customer.snapshot().personal(), support.now());
        // the owner of the address learns that it is taken, never by whom
        uniqueness.requireUnique(proven, null, customer.id(), holder -> false);
        verifications.markAllUsed(customer.id(), verification.purpose(), support.now());
        if (email) {
            emailChanged(customer.id(), proven.email());
        }
    }

    /** A GDPR erasure: the customer's verifications, and sign-ups of their addresses, go. */
    void erase(Customer customer) {
        List<String> addresses = new ArrayList<>();
        customer.contact().ifPresent(contact -> {
            addresses.add(contact.email().value());
            if (contact.phone() != null) {
                addresses.add(contact.phone().value());
            }
        });
        verifications.deleteAllOf(customer.id(), addresses);
    }

    private void issue(VerificationPurpose purpose, CustomerId customer, String address) {
        String token = OneTimeTokens.next();
        Instant now = support.now();
        Instant expiresAt = now.plus(ttl);
        verifications.add(new ContactVerification(UuidV7.next(support.clock()), purpose, customer, address,
                OneTimeTokens.hash(token), now, expiresAt, null));
        ContactVerificationNotifier.Message message = new ContactVerificationNotifier.Message(purpose, customer,
                address, token, expiresAt);
        support.afterCommit("contact verification delivery (" + purpose + ")", () -> notifier.deliver(message));
    }

    /** @return the refusal of a token that is unknown, used, expired, or of another purpose */
    private static BusinessRuleViolationException invalidToken() {
        return new BusinessRuleViolationException(CustomerError.VERIFICATION_TOKEN_INVALID,
                "the verification token is unknown, expired or already used");
    }
}
