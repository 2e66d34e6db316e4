package org.crmkit.core.shared;

import java.util.Optional;

/**
 * Decides whether an actor may use a permission, on an object that may belong to a customer. Denies by default:
 * anything an implementation does not explicitly allow is refused. The host may replace the
 * {@link DefaultAccessPolicy}.
 */
public interface AccessPolicy {

    /**
     * @param actor         who asks
     * @param permission    what they ask for
     * @param ownerCustomer the customer the target object belongs to, when it belongs to one
     * @return whether the call is allowed
     */
    boolean permits(Actor actor, Permission permission, Optional<CustomerId> ownerCustomer);
}
