package org.crmkit.core.customer.internal.application;

import java.util.Optional;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * Whose a customer is, as the access policy sees it: their own, managed by their account manager; and the
 * load-and-authorize step of the use cases that work on one customer.
 */
final class CustomerAccess {
    static final String TYPE = "customer";

    private final UseCaseSupport support;
    private final CustomerStore customers;

    CustomerAccess(UseCaseSupport support, CustomerStore customers) {
        this.support = support;
        this.customers = customers;
    }

    /** Loads a customer and authorizes the caller on it; a caller refused on a missing id learns nothing more. */
    Customer load(Actor actor, Permission permission, String action, CustomerId id) {
        Optional<Customer> found = customers.findById(id);
        support.authorize(actor, permission, targetOf(id, found), action, TYPE, id.value());
        return found.orElseThrow(() -> new NotFoundException(TYPE, id));
    }

    /** Whose customer it is: their own, managed by their account manager (nobody's when not found). */
    static AccessTarget targetOf(CustomerId id, Optional<Customer> customer) {
        return AccessTarget.customer(id, customer.map(c -> c.snapshot().accountManager()).orElse(null));
    }
}
