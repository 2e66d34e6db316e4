package org.crmkit.core.loyalty;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the loyalty area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum LoyaltyPermission implements Permission {
    /** Read a loyalty statement. */
    LOYALTY_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Open a loyalty account. */
    LOYALTY_ENROL(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER).own(Role.SALES_REP)
            .customer(AccessScope.OWN)),
    /** Redeem points. */
    LOYALTY_REDEEM(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER).own(Role.SALES_REP)
            .customer(AccessScope.OWN)),
    /** Add or remove points by hand, with a reason. */
    LOYALTY_ADJUST(grants().any(Role.ADMIN, Role.CRM_MANAGER)),
    /** Run the expiry and tier batches. */
    LOYALTY_BATCH(grants().any(Role.ADMIN, Role.CRM_MANAGER)),
    /** Rank loyal customers. */
    LOYALTY_REPORT(grants().any(Role.ADMIN, Role.CRM_MANAGER));

    private final DefaultGrants defaultGrants;

    LoyaltyPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
