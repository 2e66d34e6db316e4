package org.crmkit.core.interaction;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the interaction area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum InteractionPermission implements Permission {
    /** Log a call, email, meeting or note against a customer or a lead. */
    INTERACTION_LOG(grants().any(Role.ADMIN, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP)),
    /** Read a customer's or a lead's timeline of interactions. */
    INTERACTION_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP));

    private final DefaultGrants defaultGrants;

    InteractionPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
