package org.crmkit.core.customer.internal.application;

import java.util.List;
import java.util.function.Predicate;
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
     * @param nameHolder whether the caller may learn this holder's id (a caller who may not view the holder learns
     *                   only that the value is taken)
     */
    void requireUnique(ContactDetails contact, String externalReference, CustomerId self,
                       Predicate<Customer> nameHolder) {
        check("email", customers.findByEmail(contact.email()), self, nameHolder);
        if (contact.phone() != null) {
            check("phone", customers.findByPhone(contact.phone()), self, nameHolder);
        }
        if (externalReference != null && !externalReference.isBlank()) {
            check("externalReference",
                    customers.findByExternalReference(externalReference.strip()).stream().toList(), self, nameHolder);
        }
    }

    private static void check(String field, List<Customer> holders, CustomerId self, Predicate<Customer> nameHolder) {
        holders.stream().filter(c -> !c.id().equals(self)).findFirst().ifPresent(other -> {
            throw ConflictException.duplicate(CustomerAccess.TYPE, field, nameHolder.test(other) ? other.id() : null);
        });
    }
}
