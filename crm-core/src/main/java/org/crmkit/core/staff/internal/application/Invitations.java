package org.crmkit.core.staff.internal.application;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.customer.ContactVerification;
import org.crmkit.core.customer.CustomerError;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.customer.VerificationPurpose;
import org.crmkit.core.customer.internal.port.ContactVerifications;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.store.AccountStore;
import org.crmkit.core.staff.port.in.AcceptInvitationCommand;
import org.crmkit.core.staff.port.in.AccessContext;
import org.crmkit.core.staff.port.in.SignedUpCustomer;

/**
 * Portal accounts for customers who have none (registered by staff, imported, converted from a lead): staff invite
 * the customer, a single-use token goes to the customer's email, and the customer sets their first password with
 * it, logged in. The login is the customer's email as staff entered it, which the token proves the customer owns.
 */
final class Invitations {
    private static final String CUSTOMER = "customer";

    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final ContactVerifications verifications;
    private final CustomerDirectory customers;
    private final AccountSteps steps;
    private final AccountSecurity security;

    Invitations(UseCaseSupport support, AccountStore accounts, ContactVerifications verifications,
                CustomerDirectory customers, AccountSteps steps, AccountSecurity security) {
        this.support = support;
        this.accounts = accounts;
        this.verifications = verifications;
        this.customers = customers;
        this.steps = steps;
        this.security = security;
    }

    /** @param customerId the customer to invite */
    record InviteArgument(@NotNull CustomerId customerId) {
    }

    void inviteCustomer(Actor actor, CustomerId customerId) {
        support.validate(actor, new InviteArgument(customerId));
        support.transaction(() -> {
            CustomerView customer = customers.find(customerId).orElse(null);
            Actor caller = support.authorize(actor, StaffPermission.ACCOUNT_INVITE, customer == null
                    ? AccessTarget.none() : AccessTarget.customer(customerId, customer.accountManager()),
                    "account.invite", CUSTOMER, customerId.value());
            if (customer == null) {
                throw new NotFoundException(CUSTOMER, customerId);
            }
            EmailAddress email = invitable(customer);
            verifications.invite(customerId, email);
            support.audit(caller, "account.invite", CUSTOMER, customerId.value());
            return null;
        });
    }

    SignedUpCustomer acceptInvitation(AcceptInvitationCommand command, AccessContext context) {
        support.validate(Actor.anonymous(), command, checks -> checks.attempt(() -> Arguments.requireContext(context)));
        // the token, then the password policy against the login it opens, and only then the key stretching
        EmailAddress login = support.transaction(() -> {
            ContactVerification invitation = verifications.require(VerificationPurpose.INVITATION, command.token(),
                    null);
            return invitedEmail(invitation);
        });
        UseCaseSupport.commandField(() -> {
            security.passwordPolicy().check("password", command.password(), login);
            return null;
        });
        String hash = security.hasher().hash(command.password());
        return support.transaction(() -> {
            ContactVerification invitation = verifications.require(VerificationPurpose.INVITATION, command.token(),
                    login.value());
            verifications.use(invitation);
            CustomerView customer = customers.find(invitation.customer()).orElseThrow();
            return steps.openCustomerAccount(customer.id(), invitable(customer), hash, "account.accept_invitation",
                    context);
        });
    }

    /** The invitation's email, while it is still the customer's (a change by staff since voids it). */
    private EmailAddress invitedEmail(ContactVerification invitation) {
        CustomerView customer = customers.find(invitation.customer()).orElseThrow();
        EmailAddress email = invitable(customer);
        if (!email.value().equals(invitation.address())) {
            throw new BusinessRuleViolationException(CustomerError.VERIFICATION_TOKEN_INVALID,
                    "the invitation was sent to an email the customer no longer has");
        }
        return email;
    }

    /** @return the customer's email, when they may get an account: active, and none yet, their email no login */
    private EmailAddress invitable(CustomerView customer) {
        customer.requireNotErased();
        if (customer.status() != CustomerStatus.ACTIVE) {
            throw new BusinessRuleViolationException(CustomerError.CUSTOMER_NOT_ACTIVE,
                    "customer " + customer.id() + " is not active");
        }
        if (accounts.findByHolder(AccountHolder.of(customer.id())).isPresent()) {
            throw new BusinessRuleViolationException(StaffError.CUSTOMER_HAS_ACCOUNT,
                    "customer " + customer.id() + " already has an account");
        }
        EmailAddress email = EmailAddress.of(customer.email());
        if (accounts.findByLoginForUpdate(email).isPresent()) {
            // a staff user logs in with it: the customer cannot; neither is named
            throw ConflictException.duplicate("account", "email", null);
        }
        return email;
    }
}
