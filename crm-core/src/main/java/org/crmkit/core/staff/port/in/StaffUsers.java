package org.crmkit.core.staff.port.in;

import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.StaffId;

/**
 * Staff user use cases ({@code crm.staff()}): the first administrator, then users, roles, departments and status.
 * Each checks the command, authorizes the actor ({@code STAFF_MANAGE}, {@code STAFF_ROLES}, {@code STAFF_VIEW}),
 * runs in one transaction and audits. The last active administrator can be neither deactivated nor lose the role.
 */
public interface StaffUsers {

    /**
     * Creates the first administrator, with a password, while no active administrator exists; afterwards refused
     * ({@code admin_exists}). Needs no actor: it is how an installation starts.
     *
     * @param command the administrator
     * @return the administrator
     */
    StaffView bootstrapAdmin(BootstrapAdminCommand command);

    /** @param actor the caller @param command the user @return the new user */
    StaffView create(Actor actor, CreateStaffCommand command);

    /** @param actor the caller @param command name and work email @return the user */
    StaffView update(Actor actor, UpdateStaffCommand command);

    /** @param actor the caller @param command the role to grant @return the user */
    StaffView grantRole(Actor actor, StaffRoleCommand command);

    /** @param actor the caller @param command the role to revoke @return the user */
    StaffView revokeRole(Actor actor, StaffRoleCommand command);

    /** @param actor the caller @param command the new department (active) or none @return the user */
    StaffView moveToDepartment(Actor actor, MoveStaffCommand command);

    /** @param actor the caller @param command which user @return the user, who can no longer log in or act */
    StaffView deactivate(Actor actor, StaffStatusCommand command);

    /** @param actor the caller @param command which user @return the user */
    StaffView reactivate(Actor actor, StaffStatusCommand command);

    /** @param actor the caller @param staffId the user @return the user, if visible to the caller and existing */
    Optional<StaffView> findById(Actor actor, StaffId staffId);

    /**
     * Lists staff users by name. A manager whose view is limited to their department sees only its members.
     *
     * @param actor the caller
     * @param query filters and page
     * @return one page
     */
    Page<StaffView> search(Actor actor, StaffSearchQuery query);
}
