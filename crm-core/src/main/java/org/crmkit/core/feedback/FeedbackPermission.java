package org.crmkit.core.feedback;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the feedback area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum FeedbackPermission implements Permission {
    /** Give feedback on a product bought (a customer's own, or recorded for a customer). */
    FEEDBACK_GIVE(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .customer(AccessScope.OWN)),
    /** Read a customer's feedback and its responses. */
    FEEDBACK_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP).customer(AccessScope.OWN)),
    /** Read the feedback on a product, of every customer. */
    FEEDBACK_PRODUCT_VIEW(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT, Role.PRODUCT_MANAGER)),
    /** Answer feedback. */
    FEEDBACK_ANSWER(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)),
    /** Read the queue of unanswered feedback. */
    FEEDBACK_QUEUE(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SUPPORT_MANAGER)),
    /** Read a product's feedback statistics. */
    FEEDBACK_STATISTICS(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.PRODUCT_MANAGER));

    private final DefaultGrants defaultGrants;

    FeedbackPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
