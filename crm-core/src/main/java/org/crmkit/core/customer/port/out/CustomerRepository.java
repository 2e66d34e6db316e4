package org.crmkit.core.customer.port.out;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.domain.Customer;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;

/**
 * Stores customers. Email, phone and external reference are unique among stored customers (erasure removes them,
 * so erased customers hold none). Called inside a {@code UnitOfWork}.
 */
public interface CustomerRepository {

    /**
     * @param customer a new customer (version 0)
     * @throws ConflictException ({@code duplicate}) naming the field when email, phone or external reference is taken,
     *                           or when the id exists
     */
    void add(Customer customer);

    /**
     * Stores the customer's changes if the stored version still equals {@link Customer#version()}, then advances
     * the customer's version ({@link Customer#recordStored()}).
     *
     * @param customer a loaded, changed customer
     * @throws ConflictException ({@code stale_version}) when someone else stored a change first, or
     *                           ({@code duplicate}) for a taken unique field
     */
    void update(Customer customer);

    /** @param id the id @return the customer, if stored */
    Optional<Customer> findById(CustomerId id);

    /** @param email a normalized email @return the customers holding it (at most one) */
    List<Customer> findByEmail(EmailAddress email);

    /** @param phone an E.164 number @return the customers holding it (at most one) */
    List<Customer> findByPhone(PhoneNumber phone);

    /** @param reference the host's id @return the customer holding it */
    Optional<Customer> findByExternalReference(String reference);

    /**
     * @param references the host's ids of customers
     * @return the customers holding them, as {@link #findByExternalReference} finds each (an adapter reads them
     *         together)
     */
    default List<Customer> findByExternalReferences(Collection<String> references) {
        List<Customer> found = new ArrayList<>();
        for (String reference : new LinkedHashSet<>(references)) {
            findByExternalReference(reference).ifPresent(found::add);
        }
        return found;
    }

    /**
     * @param nameKey    {@code PersonName.sortKey()} of the name
     * @param postalCode the postal code
     * @return customers with that name key and postal code
     */
    List<Customer> findByNameKeyAndPostalCode(String nameKey, String postalCode);

    /**
     * @param criteria filters, order and seek position
     * @param limit    most customers to return
     * @return matching customers in the criteria's order, starting after its seek position
     */
    List<Customer> search(CustomerSearchCriteria criteria, int limit);
}
