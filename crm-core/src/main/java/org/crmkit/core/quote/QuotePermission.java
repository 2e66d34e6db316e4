package org.crmkit.core.quote;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the quote area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum QuotePermission implements Permission {
    /** Request a quote for a customer. */
    QUOTE_REQUEST(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Answer a quote with prices, validity and terms, or revise the answer. */
    QUOTE_ANSWER(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP)),
    /** Accept or reject a quoted offer (accepting records its purchase). */
    QUOTE_DECIDE(grants().any(Role.ADMIN, Role.SALES_MANAGER).own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Read one quote or a customer's quotes. */
    QUOTE_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Search quotes by status and customer. */
    QUOTE_SEARCH(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP)),
    /** Run the quote expiry batch. */
    QUOTE_BATCH(grants().any(Role.ADMIN, Role.SALES_MANAGER));

    private final DefaultGrants defaultGrants;

    QuotePermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
