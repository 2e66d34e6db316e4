package org.crmkit.core.shared;

/** A staff role. What each role may do is the {@link AccessPolicy}'s business; see docs/authorization.md. */
public enum Role {
    /** Administers crmkit: every staff permission. */
    ADMIN,
    /** Owns customer data, loyalty and campaigns; handles data-protection requests. */
    CRM_MANAGER,
    /** Leads the sales team. */
    SALES_MANAGER,
    /** Works leads and customers. */
    SALES_REP,
    /** Leads customer service. */
    SUPPORT_MANAGER,
    /** Handles support tickets. */
    SUPPORT_AGENT,
    /** Manages the product catalog. */
    PRODUCT_MANAGER;

    /**
     * @param field the field named in the error
     * @param name  a role's name, ignoring case and surrounding spaces
     * @return the role
     * @throws InvalidValueException naming the field when no role has that name
     */
    public static Role parse(String field, String name) {
        if (name != null) {
            String wanted = name.strip().toUpperCase(java.util.Locale.ROOT);
            for (Role role : values()) {
                if (role.name().equals(wanted)) {
                    return role;
                }
            }
        }
        throw new InvalidValueException(field, "is not a role; known roles are "
                + java.util.Arrays.toString(values()));
    }
}
