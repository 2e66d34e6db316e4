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
    PRODUCT_MANAGER
}
