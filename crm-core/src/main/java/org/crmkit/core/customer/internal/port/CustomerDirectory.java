package org.crmkit.core.customer.internal.port;

import org.crmkit.core.shared.Page;
import org.crmkit.core.customer.port.in.CustomerSearchQuery;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.shared.CustomerId;

/**
 * How other areas read customers: inside their own use case's transaction, after that use case has checked its own
 * caller, so without an actor, without the host's {@code AccessPolicy} and without an audit entry. Never a host's.
 */
public interface CustomerDirectory {

    /** @param id a customer id @return the customer, erased ones included */
    Optional<CustomerView> find(CustomerId id);

    /** @param reference the host's id of a customer, stripped @return the customer holding it, unless erased */
    Optional<CustomerView> findByExternalReference(String reference);

    /**
     * @param references the host's ids of customers, stripped
     * @return the customers holding them by reference, erased ones and unknown references left out
     */
    Map<String, CustomerView> findByExternalReferences(List<String> references);

    /**
     * @param query filters, order and page, as {@code Customers.search} takes them
     * @return every customer the query matches, whoever asks (the calling use case narrows it to its caller)
     */
    Page<CustomerView> search(CustomerSearchQuery query);
}
