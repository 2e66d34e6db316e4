package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.Actor;
import java.util.Optional;

/**
 * Turns the actor a host hands in into the actor crmkit trusts: for a staff user, the roles and department stored
 * now, or nothing when the user is unknown or deactivated; for a customer, nothing unless the customer exists and is
 * active. A refused actor's call is refused. Runs inside the use case's transaction.
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * @param claimed the actor as the host built it
     * @return the actor to authorize, or empty to refuse the call
     */
    Optional<Actor> resolve(Actor claimed);

    /**
     * @param next a resolver for the actors this one passes on
     * @return a resolver that asks this one, then {@code next} with what this one returned
     */
    default ActorResolver then(ActorResolver next) {
        return claimed -> resolve(claimed).flatMap(next::resolve);
    }

    /** @return a resolver that trusts every actor as given (for tests of the kernel alone) */
    static ActorResolver asGiven() {
        return Optional::of;
    }
}
