package org.crmkit.core.product;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the product area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum ProductPermission implements Permission {
    /** Change the catalog: categories and products. */
    PRODUCT_MANAGE(grants().any(Role.ADMIN, Role.PRODUCT_MANAGER)),
    /** Read the catalog. */
    PRODUCT_VIEW(grants().everyStaffUser(AccessScope.ANY).customer(AccessScope.ANY));

    private final DefaultGrants defaultGrants;

    ProductPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
