package org.crmkit.core.customer.internal.store;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.port.out.CustomerRepository;
import org.crmkit.core.customer.port.out.CustomerSearchCriteria;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;

/**
 * The customer area's repository of aggregates, on the adapter's {@link CustomerRepository} of snapshots: it hands
 * the port snapshots, restores what the port finds, and advances an aggregate's version once the port stored it.
 * The port stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class CustomerStore {
    private final CustomerRepository port;

    /** @param port the adapter's port */
    public CustomerStore(CustomerRepository port) {
        this.port = port;
    }

    /** @param customer a new customer @see CustomerRepository#add */
    public void add(Customer customer) {
        port.add(customer.snapshot());
    }

    /** @param customer a loaded, changed customer; its version advances once stored @see CustomerRepository#update */
    public void update(Customer customer) {
        port.update(customer.snapshot());
        customer.recordStored();
    }

    /** @param id the id @return the customer, if stored */
    public Optional<Customer> findById(CustomerId id) {
        return port.findById(id).map(Customer::restore);
    }

    /** @param email a normalized email @return the customers holding it (at most one) */
    public List<Customer> findByEmail(EmailAddress email) {
        return restore(port.findByEmail(email));
    }

    /** @param phone an E.164 number @return the customers holding it (at most one) */
    public List<Customer> findByPhone(PhoneNumber phone) {
        return restore(port.findByPhone(phone));
    }

    /** @param reference the host's id @return the customer holding it */
    public Optional<Customer> findByExternalReference(String reference) {
        return port.findByExternalReference(reference).map(Customer::restore);
    }

    /** @param references the host's ids @return the customers holding them */
    public List<Customer> findByExternalReferences(Collection<String> references) {
        return restore(port.findByExternalReferences(references));
    }

    /** @param nameKey the name key @param postalCode the postal code @return customers with both */
    public List<Customer> findByNameKeyAndPostalCode(String nameKey, String postalCode) {
        return restore(port.findByNameKeyAndPostalCode(nameKey, postalCode));
    }

    /** @param criteria filters, order and seek position @param limit most to return @return matching customers */
    public List<Customer> search(CustomerSearchCriteria criteria, int limit) {
        return restore(port.search(criteria, limit));
    }

    private static List<Customer> restore(List<CustomerSnapshot> snapshots) {
        return snapshots.stream().map(Customer::restore).toList();
    }
}
