package org.crmkit.core.staff;

import static org.crmkit.core.shared.DefaultGrants.grants;

import org.crmkit.core.shared.AccessScope;
import org.crmkit.core.shared.DefaultGrants;
import org.crmkit.core.shared.Permission;
import org.crmkit.core.shared.Role;

/**
 * The permissions of the staff area's use cases, each with who may use it under the default access policy (see
 * docs/authorization.md, which a test holds to these grants).
 */
public enum StaffPermission implements Permission {
    /** View departments. */
    DEPARTMENT_VIEW(grants().everyStaffUser(AccessScope.ANY)),
    /** Create, rename, change the manager of and deactivate departments. */
    DEPARTMENT_MANAGE(grants().any(Role.ADMIN)),
    /** View staff users. */
    STAFF_VIEW(grants().any(Role.ADMIN, Role.CRM_MANAGER).department(Role.SALES_MANAGER, Role.SUPPORT_MANAGER)
            .everyStaffUser(AccessScope.OWN)),
    /** Create, update, move, deactivate and reactivate staff users. */
    STAFF_MANAGE(grants().any(Role.ADMIN)),
    /** Grant and revoke roles. */
    STAFF_ROLES(grants().any(Role.ADMIN)),
    /** Change one's own password. */
    ACCOUNT_CHANGE_PASSWORD(grants().everyStaffUser(AccessScope.OWN).customer(AccessScope.OWN).notForSystemProcesses()),
    /** Record one's own logout. */
    ACCOUNT_LOGOUT(grants().everyStaffUser(AccessScope.OWN).customer(AccessScope.OWN).notForSystemProcesses()),
    /** Invite a customer to a portal account (the customer sets their password with the token sent to them). */
    ACCOUNT_INVITE(grants()
            .any(Role.ADMIN, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT)
            .own(Role.SALES_REP)),
    /** Enrol, confirm and disable one's own second factor. */
    ACCOUNT_MFA(grants().everyStaffUser(AccessScope.OWN).customer(AccessScope.OWN).notForSystemProcesses()),
    /** Reset (remove) another user's second factor, for one who lost their device and recovery codes. */
    MFA_RESET(grants().any(Role.ADMIN)),
    /** Read the access log (logins, logouts, resets). */
    ACCESS_LOG_VIEW(grants().any(Role.ADMIN)),
    /** Read daily login and active-user counts. */
    ACCESS_REPORT(grants().any(Role.ADMIN, Role.CRM_MANAGER)),
    /** Run the access log's retention: blank the source address and user agent of old entries. */
    ACCESS_LOG_RETENTION(grants().any(Role.ADMIN));

    private final DefaultGrants defaultGrants;

    StaffPermission(DefaultGrants defaultGrants) {
        this.defaultGrants = defaultGrants;
    }

    @Override
    public DefaultGrants defaultGrants() {
        return defaultGrants;
    }
}
