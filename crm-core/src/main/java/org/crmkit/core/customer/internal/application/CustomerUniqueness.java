package org.crmkit.core.customer.internal.application;

import java.util.List;
import org.crmkit.core.customer.ContactDetails;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.CustomerId;

/**
 * The rule that no two customers share an email, a phone or an external reference; a caller who may not learn who
 * holds a value is told only that it is taken.
 */
final class CustomerUniqueness {
    private final CustomerStore customers;

    CustomerUniqueness(CustomerStore customers) {
        this.customers = customers;
    }

    /**
     * Fails when email, phone or external reference is held by another customer that is not erased.
     *
     * @param nameHolder whether the caller may learn the holder's id
     */
    void requireUnique(ContactDetails contact, String externalReference, CustomerId self, boolean nameHolder) {
        check("email", customers.findByEmail(contact.email()), self, nameHolder);
        if (contact.phone() != null) {
            check("phone", customers.findByPhone(contact.phone()), self, nameHolder);
        }
        if (externalReference != null && !externalReference.isBlank()) {
            check("externalReference",
                    customers.findByExternalReference(externalReference.strip()).stream().toList(), self, nameHolder);
        }
    }

    private static void check(String field, List<Customer> holders, CustomerId self, boolean nameHolder) {
        holders.stream().filter(c -> !c.id().equals(self)).findFirst().ifPresent(other -> {
            throw ConflictException.duplicate(CustomerAccess.TYPE, field, nameHolder ? other.id() : null);
        });
    }
}
