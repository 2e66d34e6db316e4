package org.crmkit.core.shared;

import java.util.Optional;

/**
 * Turns the actor a host hands in into the actor crmkit trusts: for a staff user, the roles and department stored
 * now, or nothing when the user is unknown or deactivated (the call is then refused). Runs inside the use case's
 * transaction.
 */
@FunctionalInterface
public interface ActorResolver {

    /**
     * @param claimed the actor as the host built it
     * @return the actor to authorize, or empty to refuse the call
     */
    Optional<Actor> resolve(Actor claimed);

    /** @return a resolver that trusts every actor as given (for tests of the kernel alone) */
    static ActorResolver asGiven() {
        return Optional::of;
    }
}
