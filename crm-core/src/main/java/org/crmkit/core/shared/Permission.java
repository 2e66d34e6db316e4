package org.crmkit.core.shared;

/**
 * One use case's permission. Each use case of {@code Crm} asks the {@link AccessPolicy} for exactly one of these.
 * Every area declares its own as an enum implementing this interface ({@code CustomerPermission},
 * {@code TicketPermission}, ...), each constant with its {@linkplain #defaultGrants() default grants}; the name is
 * stable (it appears in the audit trail, in {@link AccessDeniedException#permission()} and in
 * docs/authorization.md) and unique across areas (it starts with the area's word).
 */
public interface Permission {

    /** @return the permission's stable name, such as {@code CUSTOMER_VIEW} */
    String name();

    /** @return who may use it under the {@link DefaultAccessPolicy} */
    DefaultGrants defaultGrants();
}
