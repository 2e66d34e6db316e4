package org.crmkit.core.sales.internal.application;

import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.CustomerId;

/**
 * Whose purchases these are, as the access policy sees them: the customer's, owned by their account manager; an
 * anonymous sale is nobody's.
 */
final class PurchaseAccess {
    private final CustomerDirectory customers;

    PurchaseAccess(CustomerDirectory customers) {
        this.customers = customers;
    }

    /** @return the access target of the purchases of the customer, or of an anonymous sale ({@code null}) */
    AccessTarget targetOf(CustomerId customer) {
        if (customer == null) {
            return AccessTarget.none();
        }
        Optional<CustomerView> view = customers.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }
}
