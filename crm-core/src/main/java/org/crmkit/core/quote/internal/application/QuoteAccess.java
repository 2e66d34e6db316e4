package org.crmkit.core.quote.internal.application;

import java.util.Optional;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.quote.internal.domain.Quote;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;

/**
 * Whose a quote is, as the access policy sees it: its customer's, owned by their account manager, both read through
 * the customer area. Changes also ask it whether the customer may still have quotes changed.
 */
final class QuoteAccess {
    static final String TYPE = "quote";

    private final CustomerDirectory directory;

    QuoteAccess(CustomerDirectory directory) {
        this.directory = directory;
    }

    /** Whose quote this is: its customer's, owned by their account manager; a quote not found is nobody's. */
    AccessTarget targetOf(Optional<Quote> quote) {
        return quote.map(q -> targetOf(q.customer())).orElse(AccessTarget.none());
    }

    AccessTarget targetOf(CustomerId customer) {
        Optional<CustomerView> view = directory.find(customer);
        return AccessTarget.customer(customer, view.map(CustomerView::accountManager).orElse(null));
    }

    /** Refuses a change on the quotes of a customer who does not exist or was erased. */
    void requireNotErased(CustomerId customer) {
        directory.find(customer).orElseThrow(() -> new NotFoundException("customer", customer))
                .requireNotErased();
    }
}
