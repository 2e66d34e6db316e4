package org.crmkit.core.shared;

import java.util.EnumMap;
import java.util.Map;

/**
 * The documented default policy: exactly the matrix of {@code docs/authorization.md}. Roles grant permissions with a
 * scope ({@link AccessScope}); a staff user holding several roles gets the widest scope any of them grants. Every
 * active staff user may view departments and the catalog, view their own profile, change their own password and log
 * out, and work on their own tasks. A customer acts only on their own records, and may read the catalog. The system actor is trusted with everything except the per-account permissions
 * (it has no account); the anonymous actor may only register themself. Everything else is denied.
 */
public final class DefaultAccessPolicy implements AccessPolicy {
    private final Map<Role, Map<Permission, AccessScope>> roles = new EnumMap<>(Role.class);
    private final Map<Permission, AccessScope> everyStaffUser = new EnumMap<>(Permission.class);
    private final Map<Permission, AccessScope> customerSelf = new EnumMap<>(Permission.class);

    /** Builds the matrix of docs/authorization.md. */
    public DefaultAccessPolicy() {
        for (Role role : Role.values()) {
            roles.put(role, new EnumMap<>(Permission.class));
        }
        for (Permission p : Permission.values()) {
            if (p != Permission.CUSTOMER_SELF_REGISTER && !isPerAccount(p)) {
                grant(AccessScope.ANY, p, Role.ADMIN);
            }
        }
        for (Permission p : new Permission[] {Permission.CUSTOMER_REGISTER, Permission.CUSTOMER_VIEW,
                Permission.CUSTOMER_SEARCH, Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_CHANGE_STATUS,
                Permission.CUSTOMER_ASSIGN_MANAGER, Permission.CUSTOMER_TAG, Permission.CUSTOMER_CONSENT,
                Permission.CUSTOMER_FIND_DUPLICATES, Permission.CUSTOMER_EXPORT, Permission.CUSTOMER_ERASE,
                Permission.STAFF_VIEW, Permission.ACCESS_REPORT}) {
            grant(AccessScope.ANY, p, Role.CRM_MANAGER);
        }
        for (Permission p : new Permission[] {Permission.CUSTOMER_REGISTER, Permission.CUSTOMER_VIEW,
                Permission.CUSTOMER_SEARCH, Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_CHANGE_STATUS,
                Permission.CUSTOMER_ASSIGN_MANAGER, Permission.CUSTOMER_TAG, Permission.CUSTOMER_CONSENT,
                Permission.CUSTOMER_FIND_DUPLICATES}) {
            grant(AccessScope.ANY, p, Role.SALES_MANAGER);
        }
        grant(AccessScope.ANY, Permission.CUSTOMER_REGISTER, Role.SALES_REP);
        for (Permission p : new Permission[] {Permission.CUSTOMER_VIEW, Permission.CUSTOMER_SEARCH,
                Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_TAG, Permission.CUSTOMER_CONSENT,
                Permission.CUSTOMER_FIND_DUPLICATES}) {
            grant(AccessScope.OWN, p, Role.SALES_REP);
        }
        for (Permission p : new Permission[] {Permission.CUSTOMER_VIEW, Permission.CUSTOMER_SEARCH,
                Permission.CUSTOMER_UPDATE_CONTACT, Permission.CUSTOMER_CONSENT}) {
            grant(AccessScope.ANY, p, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT);
        }
        grant(AccessScope.DEPARTMENT, Permission.STAFF_VIEW, Role.SALES_MANAGER, Role.SUPPORT_MANAGER);
        grant(AccessScope.ANY, Permission.PRODUCT_MANAGE, Role.PRODUCT_MANAGER);
        grant(AccessScope.ANY, Permission.SALES_RECORD, Role.SALES_MANAGER);
        grant(AccessScope.OWN, Permission.SALES_RECORD, Role.SALES_REP);
        grant(AccessScope.ANY, Permission.SALES_RETURN, Role.SALES_MANAGER, Role.SUPPORT_MANAGER);
        grant(AccessScope.ANY, Permission.SALES_VIEW, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER,
                Role.SUPPORT_AGENT);
        grant(AccessScope.OWN, Permission.SALES_VIEW, Role.SALES_REP);
        grant(AccessScope.ANY, Permission.SALES_REPORT, Role.CRM_MANAGER, Role.SALES_MANAGER);
        grant(AccessScope.ANY, Permission.SALES_IMPORT, Role.SALES_MANAGER);
        grant(AccessScope.ANY, Permission.LOYALTY_VIEW, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER,
                Role.SUPPORT_AGENT);
        grant(AccessScope.OWN, Permission.LOYALTY_VIEW, Role.SALES_REP);
        for (Permission p : new Permission[] {Permission.LOYALTY_ENROL, Permission.LOYALTY_REDEEM}) {
            grant(AccessScope.ANY, p, Role.CRM_MANAGER, Role.SALES_MANAGER);
            grant(AccessScope.OWN, p, Role.SALES_REP);
        }
        for (Permission p : new Permission[] {Permission.LOYALTY_ADJUST, Permission.LOYALTY_BATCH,
                Permission.LOYALTY_REPORT}) {
            grant(AccessScope.ANY, p, Role.CRM_MANAGER);
        }
        // quotes: sales staff request, answer and decide for their customers; viewers of purchases see quotes
        for (Permission p : new Permission[] {Permission.QUOTE_REQUEST, Permission.QUOTE_ANSWER,
                Permission.QUOTE_DECIDE}) {
            grant(AccessScope.ANY, p, Role.SALES_MANAGER);
            grant(AccessScope.OWN, p, Role.SALES_REP);
        }
        for (Permission p : new Permission[] {Permission.QUOTE_VIEW, Permission.QUOTE_SEARCH}) {
            grant(AccessScope.ANY, p, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER,
                    Role.SUPPORT_AGENT);
            grant(AccessScope.OWN, p, Role.SALES_REP);
        }
        grant(AccessScope.ANY, Permission.QUOTE_BATCH, Role.SALES_MANAGER);

        // leads and interactions (docs/authorization.md): a sales rep works on the leads they own and the
        // customers they manage; sales managers on all of them
        grant(AccessScope.ANY, Permission.LEAD_VIEW, Role.CRM_MANAGER);
        for (Permission p : new Permission[] {Permission.LEAD_CREATE, Permission.LEAD_VIEW, Permission.LEAD_UPDATE,
                Permission.LEAD_REOPEN, Permission.LEAD_ASSIGN, Permission.LEAD_CONVERT}) {
            grant(AccessScope.ANY, p, Role.SALES_MANAGER);
        }
        grant(AccessScope.ANY, Permission.LEAD_CREATE, Role.SALES_REP);
        // a lead's GDPR erasure, like a customer's: CRM managers (admins and the system hold every permission)
        grant(AccessScope.ANY, Permission.LEAD_ERASE, Role.CRM_MANAGER);
        for (Permission p : new Permission[] {Permission.LEAD_VIEW, Permission.LEAD_UPDATE,
                Permission.LEAD_CONVERT, Permission.INTERACTION_LOG, Permission.INTERACTION_VIEW}) {
            grant(AccessScope.OWN, p, Role.SALES_REP);
        }
        grant(AccessScope.ANY, Permission.INTERACTION_VIEW, Role.CRM_MANAGER);
        for (Permission p : new Permission[] {Permission.INTERACTION_LOG, Permission.INTERACTION_VIEW}) {
            grant(AccessScope.ANY, p, Role.SALES_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT);
        }
        // tasks: every staff user works on their own (assigned to or created by them); managers on their team's
        for (Permission p : new Permission[] {Permission.TASK_VIEW, Permission.TASK_MANAGE}) {
            grant(AccessScope.ANY, p, Role.CRM_MANAGER);
            grant(AccessScope.DEPARTMENT, p, Role.SALES_MANAGER, Role.SUPPORT_MANAGER);
            everyStaffUser.put(p, AccessScope.OWN);
        }

        // feedback
        grant(AccessScope.ANY, Permission.FEEDBACK_GIVE, Role.CRM_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT);
        grant(AccessScope.ANY, Permission.FEEDBACK_VIEW, Role.CRM_MANAGER, Role.SALES_MANAGER, Role.SUPPORT_MANAGER,
                Role.SUPPORT_AGENT);
        grant(AccessScope.OWN, Permission.FEEDBACK_VIEW, Role.SALES_REP);
        grant(AccessScope.ANY, Permission.FEEDBACK_PRODUCT_VIEW, Role.CRM_MANAGER, Role.SALES_MANAGER,
                Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT, Role.PRODUCT_MANAGER);
        grant(AccessScope.ANY, Permission.FEEDBACK_ANSWER, Role.CRM_MANAGER, Role.SUPPORT_MANAGER, Role.SUPPORT_AGENT);
        grant(AccessScope.ANY, Permission.FEEDBACK_QUEUE, Role.CRM_MANAGER, Role.SUPPORT_MANAGER);
        grant(AccessScope.ANY, Permission.FEEDBACK_STATISTICS, Role.CRM_MANAGER, Role.PRODUCT_MANAGER);

        // tickets: support managers on every ticket, agents on their department's queue and their own tickets
        for (Permission p : new Permission[] {Permission.TICKET_SUBMIT, Permission.TICKET_VIEW,
                Permission.TICKET_WORK, Permission.TICKET_REOPEN, Permission.TICKET_COMMENT, Permission.TICKET_ASSIGN,
                Permission.TICKET_PICK_UP, Permission.TICKET_ESCALATE, Permission.TICKET_SLA_CHECK,
                Permission.TICKET_REPORT}) {
            grant(AccessScope.ANY, p, Role.SUPPORT_MANAGER);
        }
        grant(AccessScope.ANY, Permission.TICKET_SUBMIT, Role.SUPPORT_AGENT);
        for (Permission p : new Permission[] {Permission.TICKET_VIEW, Permission.TICKET_WORK,
                Permission.TICKET_REOPEN, Permission.TICKET_COMMENT, Permission.TICKET_PICK_UP,
                Permission.TICKET_ESCALATE}) {
            grant(AccessScope.DEPARTMENT, p, Role.SUPPORT_AGENT);
        }
        grant(AccessScope.ANY, Permission.TICKET_VIEW, Role.CRM_MANAGER);
        grant(AccessScope.ANY, Permission.TICKET_REPORT, Role.CRM_MANAGER);

        everyStaffUser.put(Permission.DEPARTMENT_VIEW, AccessScope.ANY);
        everyStaffUser.put(Permission.STAFF_VIEW, AccessScope.OWN);
        everyStaffUser.put(Permission.ACCOUNT_CHANGE_PASSWORD, AccessScope.OWN);
        everyStaffUser.put(Permission.ACCOUNT_LOGOUT, AccessScope.OWN);
        everyStaffUser.put(Permission.PRODUCT_VIEW, AccessScope.ANY);

        for (Permission p : new Permission[] {Permission.CUSTOMER_VIEW, Permission.CUSTOMER_UPDATE_CONTACT,
                Permission.CUSTOMER_CONSENT, Permission.CUSTOMER_EXPORT, Permission.ACCOUNT_CHANGE_PASSWORD,
                Permission.ACCOUNT_LOGOUT}) {
            customerSelf.put(p, AccessScope.OWN);
        }
        customerSelf.put(Permission.PRODUCT_VIEW, AccessScope.ANY); // the catalog is no customer's own record
        customerSelf.put(Permission.SALES_VIEW, AccessScope.OWN);
        for (Permission p : new Permission[] {Permission.TICKET_SUBMIT, Permission.TICKET_VIEW,
                Permission.TICKET_REOPEN, Permission.TICKET_COMMENT}) {
            customerSelf.put(p, AccessScope.OWN);
        }
        for (Permission p : new Permission[] {Permission.LOYALTY_VIEW, Permission.LOYALTY_ENROL,
                Permission.LOYALTY_REDEEM}) {
            customerSelf.put(p, AccessScope.OWN);
        }
        for (Permission p : new Permission[] {Permission.QUOTE_REQUEST, Permission.QUOTE_DECIDE,
                Permission.QUOTE_VIEW}) {
            customerSelf.put(p, AccessScope.OWN);
        }
        customerSelf.put(Permission.FEEDBACK_GIVE, AccessScope.OWN);
        customerSelf.put(Permission.FEEDBACK_VIEW, AccessScope.OWN);
    }

    private void grant(AccessScope scope, Permission permission, Role... to) {
        for (Role role : to) {
            roles.get(role).merge(permission, scope, AccessScope::widest);
        }
    }

    private static boolean isPerAccount(Permission permission) {
        return permission == Permission.ACCOUNT_CHANGE_PASSWORD || permission == Permission.ACCOUNT_LOGOUT;
    }

    @Override
    public AccessScope scope(Actor actor, Permission permission) {
        if (actor == null || permission == null) {
            return AccessScope.NONE;
        }
        if (actor instanceof Actor.SystemProcess) {
            // picking up a ticket makes the caller its assignee: the system actor is nobody to assign to
            return isPerAccount(permission) || permission == Permission.TICKET_PICK_UP ? AccessScope.NONE
                    : AccessScope.ANY;
        }
        if (actor instanceof Actor.Anonymous) {
            return permission == Permission.CUSTOMER_SELF_REGISTER ? AccessScope.ANY : AccessScope.NONE;
        }
        if (actor instanceof Actor.Customer) {
            return customerSelf.getOrDefault(permission, AccessScope.NONE);
        }
        Actor.Staff staff = (Actor.Staff) actor;
        AccessScope scope = everyStaffUser.getOrDefault(permission, AccessScope.NONE);
        for (Role role : staff.roles()) {
            scope = scope.widest(roles.get(role).getOrDefault(permission, AccessScope.NONE));
        }
        return scope;
    }
}
