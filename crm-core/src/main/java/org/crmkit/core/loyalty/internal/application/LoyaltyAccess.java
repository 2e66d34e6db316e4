package org.crmkit.core.loyalty.internal.application;

import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;

/**
 * Whose a loyalty account is, as the access policy sees it: the customer's, owned by their account manager; and the
 * checks that the customer exists (and, for a change, is not erased), read through {@link CustomerDirectory}.
 */
final class LoyaltyAccess {
    static final String TYPE = "loyalty_account";

    private final CustomerDirectory customers;

    LoyaltyAccess(CustomerDirectory customers) {
        this.customers = customers;
    }

    /** Whose account this is: the customer's, owned by their account manager. */
    AccessTarget targetOf(CustomerId customer) {
        Optional<CustomerView> view = customers.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    CustomerView requireCustomer(CustomerId customer) {
        return customers.find(customer).orElseThrow(() -> new NotFoundException("customer", customer));
    }

    /** Refuses a change for a customer who does not exist or was erased. */
    void requireLiveCustomer(CustomerId customer) {
        requireCustomer(customer).requireNotErased();
    }
}
