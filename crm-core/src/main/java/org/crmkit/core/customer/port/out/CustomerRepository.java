package org.crmkit.core.customer.port.out;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.customer.CustomerSnapshot;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PhoneNumber;

/**
 * Stores customers, as {@link CustomerSnapshot} records (the area turns them into its aggregates). Email, phone and
 * external reference are unique among stored customers (erasure removes them, so erased customers hold none). Called
 * inside a {@code UnitOfWork}.
 */
public interface CustomerRepository {

    /**
     * @param customer a new customer (version 0)
     * @throws ConflictException ({@code duplicate}) naming the field when email, phone or external reference is taken,
     *                           or when the id exists
     */
    void add(CustomerSnapshot customer);

    /**
     * Stores a changed customer if the stored version still equals {@code customer.version()}, at that version plus
     * one.
     *
     * @param customer the customer as changed, carrying the version it was read at
     * @throws ConflictException ({@code stale_version}) when someone else stored a change first, or
     *                           ({@code duplicate}) for a taken unique field
     */
    void update(CustomerSnapshot customer);

    /** @param id the id @return the customer, if stored */
    Optional<CustomerSnapshot> findById(CustomerId id);

    /** @param email a normalized email @return the customers holding it (at most one) */
    List<CustomerSnapshot> findByEmail(EmailAddress email);

    /** @param phone an E.164 number @return the customers holding it (at most one) */
    List<CustomerSnapshot> findByPhone(PhoneNumber phone);

    /** @param reference the host's id @return the customer holding it */
    Optional<CustomerSnapshot> findByExternalReference(String reference);

    /**
     * @param references the host's ids of customers
     * @return the customers holding them, as {@link #findByExternalReference} finds each (an adapter reads them
     *         together)
     */
    default List<CustomerSnapshot> findByExternalReferences(Collection<String> references) {
        List<CustomerSnapshot> found = new ArrayList<>();
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
    List<CustomerSnapshot> findByNameKeyAndPostalCode(String nameKey, String postalCode);

    /**
     * @param criteria filters, order and seek position
     * @param limit    most customers to return
     * @return matching customers in the criteria's order, starting after its seek position
     */
    List<CustomerSnapshot> search(CustomerSearchCriteria criteria, int limit);
}
