package org.crmkit.core.customer.internal.application;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.crmkit.core.customer.CustomerPermission;
import org.crmkit.core.customer.internal.domain.Customer;
import org.crmkit.core.customer.internal.store.CustomerStore;
import org.crmkit.core.customer.port.in.CustomerView;
import org.crmkit.core.customer.port.in.DuplicateCandidate;
import org.crmkit.core.customer.port.in.DuplicateReason;
import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The customers who may be the same person as a given one: the same email, the same phone, or the same name at the
 * same postal code. A candidate is shown only to a caller who may view it.
 */
final class PossibleDuplicates {
    private static final String TYPE = CustomerAccess.TYPE;

    private final UseCaseSupport support;
    private final CustomerStore customers;

    PossibleDuplicates(UseCaseSupport support, CustomerStore customers) {
        this.support = support;
        this.customers = customers;
    }

    List<DuplicateCandidate> find(Actor actor, CustomerId customerId) {
        support.validate(actor, new Arguments.CustomerIdQuery(customerId));
        return support.transaction(() -> {
            Optional<Customer> loaded = customers.findById(customerId);
            Actor caller = support.authorize(actor, CustomerPermission.CUSTOMER_FIND_DUPLICATES,
                    CustomerAccess.targetOf(customerId, loaded), "customer.find_duplicates", TYPE,
                    customerId.value());
            Customer customer = loaded.orElseThrow(() -> new NotFoundException(TYPE, customerId));
            Map<CustomerId, DuplicateFinding> found = findings(customer);
            // a candidate is shown only to a caller who may view it (a sales rep sees duplicates among their own)
            AccessScope view = support.scopeOf(caller, CustomerPermission.CUSTOMER_VIEW);
            return found.values().stream()
                    .filter(f -> view.covers(caller, CustomerAccess.targetOf(f.customer.id(),
                            Optional.of(f.customer))))
                    .map(f -> new DuplicateCandidate(CustomerView.of(f.customer.snapshot()), f.reasons))
                    .toList();
        });
    }

    /**
     * The other customers sharing the customer's name and postal code, with every reason. Email and phone are unique,
     * so no other customer shares them.
     */
    private Map<CustomerId, DuplicateFinding> findings(Customer customer) {
        Map<CustomerId, DuplicateFinding> found = new LinkedHashMap<>();
        customer.contact().ifPresent(contact -> {
            if (contact.address() != null && contact.address().postalCode() != null) {
                customers.findByNameKeyAndPostalCode(contact.name().sortKey(), contact.address().postalCode())
                        .forEach(c -> note(found, customer, c, DuplicateReason.SAME_NAME_AND_POSTAL_CODE));
            }
        });
        return found;
    }

    private static void note(Map<CustomerId, DuplicateFinding> found, Customer self, Customer other,
                             DuplicateReason reason) {
        if (!other.id().equals(self.id())) {
            found.computeIfAbsent(other.id(), k -> new DuplicateFinding(other)).reasons.add(reason);
        }
    }

    /** A candidate and every reason it was found for. */
    private static final class DuplicateFinding {
        private final Customer customer;
        private final Set<DuplicateReason> reasons = EnumSet.noneOf(DuplicateReason.class);

        private DuplicateFinding(Customer customer) {
            this.customer = customer;
        }
    }
}
