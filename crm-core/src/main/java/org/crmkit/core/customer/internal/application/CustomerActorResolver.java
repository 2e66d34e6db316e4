package org.crmkit.core.customer.internal.application;

import org.crmkit.core.customer.internal.store.CustomerStore;
import java.util.Optional;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.internal.ActorResolver;

/**
 * Admits a customer actor only while the customer exists and is active: a deactivated or erased customer can neither
 * log in nor act for themself. Other actors pass as they are.
 */
final class CustomerActorResolver implements ActorResolver {
    private final CustomerStore customers;

    CustomerActorResolver(CustomerStore customers) {
        this.customers = customers;
    }

    @Override
    public Optional<Actor> resolve(Actor claimed) {
        if (claimed instanceof Actor.Customer c) {
            return customers.findById(c.id()).filter(customer -> customer.snapshot().status() == CustomerStatus.ACTIVE)
                    .map(customer -> claimed);
        }
        return Optional.ofNullable(claimed);
    }
}
