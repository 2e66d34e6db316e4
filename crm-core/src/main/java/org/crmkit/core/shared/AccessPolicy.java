package org.crmkit.core.shared;

/**
 * Decides whether an actor may use a permission, and on which records. Denies by default: anything an implementation
 * does not explicitly grant is refused. The host may replace the {@link DefaultAccessPolicy}
 * ({@code Crm.builder().accessPolicy(...)}).
 *
 * <p>crmkit asks it with the <em>resolved</em> actor: a staff actor carries the roles and department stored for that
 * user at the time of the call, whatever the host put in the {@link Actor}; a deactivated or unknown staff user is
 * refused before the policy is asked.
 */
public interface AccessPolicy {

    /**
     * @param actor      who asks (resolved)
     * @param permission what they ask for
     * @return how far the grant reaches; {@link AccessScope#NONE} when refused
     */
    AccessScope scope(Actor actor, Permission permission);

    /**
     * @param actor      who asks (resolved)
     * @param permission what they ask for
     * @param target     whose record it is
     * @return whether the call is allowed on that record
     */
    default boolean permits(Actor actor, Permission permission, AccessTarget target) {
        return actor != null && permission != null && target != null
                && scope(actor, permission).covers(actor, target);
    }
}
