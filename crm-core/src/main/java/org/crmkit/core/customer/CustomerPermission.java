package org.crmkit.core.customer;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the customer area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum CustomerPermission implements Permission {
    /** Register a customer as staff. */
    CUSTOMER_REGISTER(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SALES_REP)),
    /** Register oneself as a new customer (anonymous self-registration). */
    CUSTOMER_SELF_REGISTER(grants().anonymous()),
    /** View one customer. */
    CUSTOMER_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Search and list customers. */
    CUSTOMER_SEARCH(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP)),
    /** Change contact details and address. */
    CUSTOMER_UPDATE_CONTACT(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Deactivate or reactivate a customer. */
    CUSTOMER_CHANGE_STATUS(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER)),
    /** Assign an account manager. */
    CUSTOMER_ASSIGN_MANAGER(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER)),
    /** Add or remove tags. */
    CUSTOMER_TAG(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Give or withdraw marketing consent. */
    CUSTOMER_CONSENT(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Find possible duplicates of a customer. */
    CUSTOMER_FIND_DUPLICATES(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Export everything held about a person (GDPR access). */
    CUSTOMER_EXPORT(grants().any(Role.ADMIN, Role.CRM_MANAGER).customer(AccessScope.OWN)),
    /** Erase a person's data irreversibly (GDPR erasure). */
    CUSTOMER_ERASE(grants().any(Role.ADMIN, Role.CRM_MANAGER));

    private final DefaultGrants defaultGrants;

    CustomerPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
