package org.crmkit.core.task;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the task area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum TaskPermission implements Permission {
    /** Read tasks: one task, one's own tasks, overdue tasks. */
    TASK_VIEW(grants().any(Role.ADMIN, Role.CRM_MANAGER).department(Role.SALES_MANAGER, Role.SUPPORT_MANAGER)
            .everyStaffUser(AccessScope.OWN)),
    /** Create, change, reassign, start, complete and cancel tasks. */
    TASK_MANAGE(grants().any(Role.ADMIN, Role.CRM_MANAGER).department(Role.SALES_MANAGER, Role.SUPPORT_MANAGER)
            .everyStaffUser(AccessScope.OWN)),
    /** Run the reminder batch that hands due task reminders to the notifier. */
    TASK_REMIND(grants().any(Role.ADMIN));

    private final DefaultGrants defaultGrants;

    TaskPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
