package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.customer.PersonalDetails;
import java.util.Optional;
import java.util.function.Predicate;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.RegisterCustomerCommand;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a customer, by staff or by the customer themself: the email, phone and external reference must be free,
 * and a staff user who sees only the customers they manage becomes the new customer's account manager.
 */
final class CustomerRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(CustomerRegistration.class);
    private static final String TYPE = CustomerAccess.TYPE;

    private final UseCaseSupport support;
    private final CustomerStore customers;
    private final CustomerUniqueness uniqueness;

    CustomerRegistration(UseCaseSupport support, CustomerStore customers, CustomerUniqueness uniqueness) {
        this.support = support;
        this.customers = customers;
        this.uniqueness = uniqueness;
    }

    /**
     * A registration through {@code customers().register}: staff and system callers. An anonymous caller is refused
     * (it lacks {@code CUSTOMER_REGISTER}): a visitor registers themself only through the sign-up, after proving
     * their email ({@link #registerSelf}).
     */
    CustomerView register(Actor actor, RegisterCustomerCommand command) {
        return register(actor, CustomerPermission.CUSTOMER_REGISTER, command);
    }

    /** A signed-up visitor's registration, whose email is proven: an anonymous {@code CUSTOMER_SELF_REGISTER}. */
    CustomerView registerSelf(RegisterCustomerCommand command) {
        return register(Actor.anonymous(), CustomerPermission.CUSTOMER_SELF_REGISTER, command);
    }

    private CustomerView register(Actor actor, Permission permission, RegisterCustomerCommand command) {
        CustomerInput input = support.validate(actor, command, checks -> {
            if (actor instanceof Actor.Anonymous && command.externalReference() != null) {
                // the host's own id is the host's to assign; a visitor could otherwise squat or probe it
                checks.refuse("externalReference", "may not be set by a self-registration");
            }
            return checks.attempt(() -> CustomerInput.of(command.firstName(), command.lastName(), command.email(),
                    command.phone(), command.address(), command.dateOfBirth(), command.gender(), support.now()));
        });
        ContactDetails contact = input.contact();
        PersonalDetails personal = input.personal();
        boolean nameHolder = actor instanceof Actor.Staff || actor instanceof Actor.SystemProcess;
        try {
            return registerChecked(actor, permission, nameHolder, contact, personal, command);
        } catch (ConflictException raced) {
            // a concurrent registration took the value after our check: the storage's unique index refused it.
            // Now that the other one is committed, name its holder as the check would have.
            if (!nameHolder || raced.existingId().isPresent() || !"duplicate".equals(raced.code())
                    || "idempotencyKey".equals(raced.field())) {
                throw raced;
            }
            support.transaction(() -> {
                uniqueness.requireUnique(contact, command.externalReference(), null, visibleTo(actor));
                return null;
            });
            throw raced;
        }
    }

    /** @return whether the caller may view a holder, and so learn its id from a duplicate (no audit entry) */
    private Predicate<Customer> visibleTo(Actor actor) {
        return holder -> support.permits(actor, CustomerPermission.CUSTOMER_VIEW,
                CustomerAccess.targetOf(holder.id(), Optional.of(holder)));
    }

    private CustomerView registerChecked(Actor actor, Permission permission, boolean nameHolder,
                                         ContactDetails contact, PersonalDetails personal,
                                         RegisterCustomerCommand command) {
        return support.transaction(() -> {
            Actor caller = support.authorize(actor, permission, AccessTarget.none(), "customer.register", TYPE,
                    null);
            return support.once(actor, "customer.register", command.idempotencyKey(), command,
                    () -> create(actor, caller, nameHolder, contact, personal, command), v -> v.id().value(),
                    id -> CustomerView.of(customers.findById(new CustomerId(id)).orElseThrow().snapshot()));
        });
    }

    private CustomerView create(Actor actor, Actor caller, boolean nameHolder, ContactDetails contact,
                                PersonalDetails personal, RegisterCustomerCommand command) {
        uniqueness.requireUnique(contact, command.externalReference(), null,
                nameHolder ? visibleTo(actor) : holder -> false);
        Customer customer = Customer.register(CustomerId.next(support.clock()), contact, personal,
                command.source(), command.externalReference(), command.marketingConsent(), support.now());
        if (caller instanceof Actor.Staff staff
                && support.scopeOf(caller, CustomerPermission.CUSTOMER_VIEW) == AccessScope.OWN) {
            // a staff user who sees only the customers they manage keeps sight of the one they brought in
            customer.assignAccountManager(staff.id(), support.now());
        }
        customers.add(customer);
        support.audit(actor, "customer.register", TYPE, customer.id().value());
        support.publishAfterCommit(customer.pullEvents());
        LOG.debug("registered customer {}", customer.id());
        return CustomerView.of(customer.snapshot());
    }
}
