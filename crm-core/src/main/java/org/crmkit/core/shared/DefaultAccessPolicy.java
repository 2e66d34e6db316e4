package org.crmkit.core.shared;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The documented default role-to-permission table (docs/authorization.md), plus the object rule that a customer acts
 * only on their own records. The system actor is trusted with everything; the anonymous actor may only register
 * themself. Everything else is denied.
 */
public final class DefaultAccessPolicy implements AccessPolicy {
    private static final Set<Permission> CUSTOMER_SELF = EnumSet.of(
            Permission.CUSTOMER_VIEW, Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_CONSENT,
            Permission.CUSTOMER_EXPORT);

    private final Map<Role, Set<Permission>> table = new EnumMap<>(Role.class);

    /** Builds the table of docs/authorization.md. */
    public DefaultAccessPolicy() {
        Set<Permission> frontline = EnumSet.of(Permission.CUSTOMER_REGISTER, Permission.CUSTOMER_VIEW,
                Permission.CUSTOMER_SEARCH, Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_TAG,
                Permission.CUSTOMER_CONSENT, Permission.CUSTOMER_FIND_DUPLICATES);
        Set<Permission> salesManager = EnumSet.copyOf(frontline);
        salesManager.addAll(EnumSet.of(Permission.CUSTOMER_CHANGE_STATUS, Permission.CUSTOMER_ASSIGN_MANAGER));
        Set<Permission> support = EnumSet.of(Permission.CUSTOMER_VIEW, Permission.CUSTOMER_SEARCH,
                Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_CONSENT);

        table.put(Role.ADMIN, EnumSet.complementOf(EnumSet.of(Permission.CUSTOMER_SELF_REGISTER)));
        table.put(Role.CRM_MANAGER, EnumSet.complementOf(EnumSet.of(Permission.CUSTOMER_SELF_REGISTER)));
        table.put(Role.SALES_MANAGER, salesManager);
        table.put(Role.SALES_REP, frontline);
        table.put(Role.SUPPORT_MANAGER, support);
        table.put(Role.SUPPORT_AGENT, support);
        table.put(Role.PRODUCT_MANAGER, EnumSet.noneOf(Permission.class));
    }

    @Override
    public boolean permits(Actor actor, Permission permission, Optional<CustomerId> ownerCustomer) {
        if (actor == null || permission == null) {
            return false;
        }
        if (actor instanceof Actor.SystemProcess) {
            return true;
        }
        if (actor instanceof Actor.Anonymous) {
            return permission == Permission.CUSTOMER_SELF_REGISTER;
        }
        if (actor instanceof Actor.Customer customer) {
            return CUSTOMER_SELF.contains(permission) && ownerCustomer.map(customer.id()::equals).orElse(false);
        }
        Actor.Staff staff = (Actor.Staff) actor;
        return staff.roles().stream().anyMatch(role -> table.getOrDefault(role, Set.of()).contains(permission));
    }
}
