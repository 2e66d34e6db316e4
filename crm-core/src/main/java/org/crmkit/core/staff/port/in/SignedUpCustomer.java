package org.crmkit.core.staff.port.in;

import java.util.Objects;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.CustomerId;

/**
 * A customer who has just signed up: the new customer's id, to keep with the host's own user record, and their actor,
 * already logged in, to hand to every further call.
 *
 * @param customerId the customer registered by the sign-up
 * @param actor      that customer's actor
 */
public record SignedUpCustomer(CustomerId customerId, Actor actor) {

    /** Both parts are required. */
    public SignedUpCustomer {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(actor, "actor");
    }
}
