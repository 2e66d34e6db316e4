package org.crmkit.core.ticket;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the ticket area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum TicketPermission implements Permission {
    /** Submit a support ticket. */
    TICKET_SUBMIT(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT).customer(AccessScope.OWN)),
    /** Read tickets, search them, list those at risk of missing their SLA. */
    TICKET_VIEW(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)
            .customer(AccessScope.OWN)),
    /** Move a ticket along its status transitions. */
    TICKET_WORK(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)),
    /** Reopen a resolved ticket. */
    TICKET_REOPEN(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)
            .customer(AccessScope.OWN)),
    /** Comment on a ticket. */
    TICKET_COMMENT(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)
            .customer(AccessScope.OWN)),
    /** Assign a ticket to an agent or a department queue. */
    TICKET_ASSIGN(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER)),
    /** Take an unassigned ticket of one's department's queue (staff users only). */
    TICKET_PICK_UP(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)
            .notForSystemProcesses()),
    /** Raise a ticket's priority. */
    TICKET_ESCALATE(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER).department(Role.SUPPORT_AGENT)),
    /** Notify SLA breaches. */
    TICKET_SLA_CHECK(grants().any(Role.ADMIN, Role.SUPPORT_MANAGER)),
    /** Read support reports. */
    TICKET_REPORT(grants().any(Role.ADMIN, Role.CRM_MANAGER, Role.SUPPORT_MANAGER));

    private final DefaultGrants defaultGrants;

    TicketPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
