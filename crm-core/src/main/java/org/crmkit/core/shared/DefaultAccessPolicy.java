package org.crmkit.core.shared;

/**
 * The documented default policy: exactly the matrix of {@code docs/authorization.md}, assembled from the
 * {@linkplain Permission#defaultGrants() default grants} each area declares beside its permissions. Roles grant
 * permissions with a scope ({@link AccessScope}); a staff user holding several roles gets the widest scope any of
 * them grants. Every active staff user may view departments and the catalog, view their own profile, change their
 * own password and log out, and work on their own tasks. A customer acts only on their own records, and may read the
 * catalog. A system process is trusted with everything except what needs a person's account (a password, a logout,
 * picking up a ticket); the anonymous actor may only register themself. Everything else is denied.
 */
public final class DefaultAccessPolicy implements AccessPolicy {

    /** The policy of docs/authorization.md. */
    public DefaultAccessPolicy() {
        // the grants live on the permissions
    }

    @Override
    public AccessScope scope(Actor actor, Permission permission) {
        if (actor == null || permission == null) {
            return AccessScope.NONE;
        }
        return permission.defaultGrants().scopeOf(actor);
    }
}
