package org.crmkit.core.shared;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Who may use a permission under the {@link DefaultAccessPolicy}, and on which records: the scope each staff role
 * gets, the scope every active staff user gets whatever their roles, the scope a customer gets on their own records,
 * whether an anonymous visitor may, and whether a host's system process may (by default it may, with scope
 * {@code ANY}). Each area declares the grants of its permissions beside them ({@code CustomerPermission},
 * {@code TicketPermission}, ...), so the default policy is assembled from what the areas contribute, and
 * docs/authorization.md is checked against the same grants. Immutable; every method returns a new value.
 */
public final class DefaultGrants {
    private static final DefaultGrants NONE = new DefaultGrants(new EnumMap<>(Role.class), AccessScope.NONE,
            AccessScope.NONE, false, true);

    private final Map<Role, AccessScope> roles;
    private final AccessScope everyStaffUser;
    private final AccessScope customer;
    private final boolean anonymous;
    private final boolean systemProcesses;

    private DefaultGrants(Map<Role, AccessScope> roles, AccessScope everyStaffUser, AccessScope customer,
                          boolean anonymous, boolean systemProcesses) {
        this.roles = roles;
        this.everyStaffUser = everyStaffUser;
        this.customer = customer;
        this.anonymous = anonymous;
        this.systemProcesses = systemProcesses;
    }

    /** @return grants to no staff user, customer or visitor; system processes may use the permission */
    public static DefaultGrants grants() {
        return NONE;
    }

    /** @param to roles @return these grants, and the roles on every record */
    public DefaultGrants any(Role... to) {
        return grant(AccessScope.ANY, to);
    }

    /** @param to roles @return these grants, and the roles on their department's and their own records */
    public DefaultGrants department(Role... to) {
        return grant(AccessScope.DEPARTMENT, to);
    }

    /** @param to roles @return these grants, and the roles on their own records */
    public DefaultGrants own(Role... to) {
        return grant(AccessScope.OWN, to);
    }

    /** @param scope the scope @return these grants, and every active staff user, whatever their roles, in it */
    public DefaultGrants everyStaffUser(AccessScope scope) {
        return new DefaultGrants(roles, Objects.requireNonNull(scope, "scope"), customer, anonymous,
                systemProcesses);
    }

    /**
     * @param scope the scope ({@code OWN}: their own records; {@code ANY}: records that are nobody's, such as the
     *              catalog)
     * @return these grants, and a customer acting for themself in it
     */
    public DefaultGrants customer(AccessScope scope) {
        return new DefaultGrants(roles, everyStaffUser, Objects.requireNonNull(scope, "scope"), anonymous,
                systemProcesses);
    }

    /** @return these grants, and anonymous visitors (such as to sign up) */
    public DefaultGrants anonymous() {
        return new DefaultGrants(roles, everyStaffUser, customer, true, systemProcesses);
    }

    /** @return these grants without the host's system processes (a permission that needs a person's account) */
    public DefaultGrants notForSystemProcesses() {
        return new DefaultGrants(roles, everyStaffUser, customer, anonymous, false);
    }

    private DefaultGrants grant(AccessScope scope, Role... to) {
        Map<Role, AccessScope> granted = new EnumMap<>(Role.class);
        granted.putAll(roles);
        Arrays.stream(to).forEach(role -> granted.merge(Objects.requireNonNull(role, "role"), scope,
                AccessScope::widest));
        return new DefaultGrants(granted, everyStaffUser, customer, anonymous, systemProcesses);
    }

    /** @return the scope of each role granted one, besides what every staff user gets */
    public Map<Role, AccessScope> roles() {
        return Collections.unmodifiableMap(roles);
    }

    /**
     * @param actor the caller ({@code null}: none)
     * @return the widest scope these grants give the caller; for a staff user the widest of what every staff user
     *         gets and what each of their roles gets
     */
    public AccessScope scopeOf(Actor actor) {
        if (actor instanceof Actor.SystemProcess) {
            return systemProcesses ? AccessScope.ANY : AccessScope.NONE;
        }
        if (actor instanceof Actor.Anonymous) {
            return anonymous ? AccessScope.ANY : AccessScope.NONE;
        }
        if (actor instanceof Actor.Customer) {
            return customer;
        }
        if (actor instanceof Actor.Staff staff) {
            AccessScope scope = everyStaffUser;
            for (Role role : staff.roles()) {
                scope = scope.widest(roles.getOrDefault(role, AccessScope.NONE));
            }
            return scope;
        }
        return AccessScope.NONE;
    }
}
