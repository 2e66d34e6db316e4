package org.crmkit.core.audit;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the audit area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum AuditPermission implements Permission {
    /** Read the audit trail. */
    AUDIT_VIEW(grants().any(Role.ADMIN));

    private final DefaultGrants defaultGrants;

    AuditPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
