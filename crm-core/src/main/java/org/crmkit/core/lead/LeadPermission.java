package org.crmkit.core.lead;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the lead area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum LeadPermission implements Permission {
    /** Create a lead. */
    LEAD_CREATE(grants().any(Role.ADMIN, Role.SALES_MANAGER, Role.SALES_REP)),
    /** View and search leads. */
    LEAD_VIEW(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Change a lead's details and move it through the stages. */
    LEAD_UPDATE(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Reopen a won or lost lead. */
    LEAD_REOPEN(grants().any(Role.ADMIN, Role.SALES_MANAGER)),
    /** Assign a lead to an owner (by hand or round-robin). */
    LEAD_ASSIGN(grants().any(Role.ADMIN, Role.SALES_MANAGER)),
    /** Convert a qualified lead into a customer. */
    LEAD_CONVERT(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Erase the personal data of a lead that never became a customer (GDPR). */
    LEAD_ERASE(grants().any(Role.ADMIN, Role.CRM_MANAGER));

    private final DefaultGrants defaultGrants;

    LeadPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
