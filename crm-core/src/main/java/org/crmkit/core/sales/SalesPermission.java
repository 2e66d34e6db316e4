package org.crmkit.core.sales;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the sales area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum SalesPermission implements Permission {
    /** Record a purchase. */
    SALES_RECORD(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Record a return against a purchase. */
    SALES_RETURN(grants().any(Role.ADMIN, Role.SALES_MANAGER, Role.SUPPORT_MANAGER)),
    /** Read purchases, purchase histories and totals. */
    SALES_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Rank customers by purchases over a period. */
    SALES_REPORT(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER)),
    /** Import sales data in bulk. */
    SALES_IMPORT(grants().any(Role.ADMIN, Role.SALES_MANAGER));

    private final DefaultGrants defaultGrants;

    SalesPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
