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
     * <p>Retry: a retry of a stored bootstrap creates no second administrator: it is refused with {@code admin_exists};
     * check with a login as the administrator.
     *
     * @param command the administrator
     * @return the administrator
     */
    StaffView bootstrapAdmin(BootstrapAdminCommand command);

    /**
     * Creates a staff user with their login; the work email is unique.
     *
     * <p>Retry: a retry of a stored creation creates no second user: it is refused as {@code duplicate} on
     * {@code workEmail}, naming the first call's user.
     *
     * @param actor the caller
     * @param command the user
     * @return the new user
     */
    StaffView create(Actor actor, CreateStaffCommand command);

    /**
     * Changes an active staff user's name and work email.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the user says that already).
     *
     * @param actor the caller
     * @param command name and work email
     * @return the user
     */
    StaffView update(Actor actor, UpdateStaffCommand command);

    /**
     * Grants an active staff user a role.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the user holds the role).
     *
     * @param actor the caller
     * @param command the role to grant
     * @return the user
     */
    StaffView grantRole(Actor actor, StaffRoleCommand command);

    /**
     * Revokes a role from an active staff user.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the role is gone).
     *
     * @param actor the caller
     * @param command the role to revoke
     * @return the user
     */
    StaffView revokeRole(Actor actor, StaffRoleCommand command);

    /**
     * Moves an active staff user to a department, or out of every department.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the user is there already).
     *
     * @param actor the caller
     * @param command the new department (active) or none
     * @return the user
     */
    StaffView moveToDepartment(Actor actor, MoveStaffCommand command);

    /**
     * Deactivates a staff user.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code staff_inactive}. Either way nothing changes
     * twice.
     *
     * @param actor the caller
     * @param command which user
     * @return the user, who can no longer log in or act
     */
    StaffView deactivate(Actor actor, StaffStatusCommand command);

    /**
     * Reactivates an inactive staff user.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code staff_active}. Either way nothing changes
     * twice.
     *
     * @param actor the caller
     * @param command which user
     * @return the user
     */
    StaffView reactivate(Actor actor, StaffStatusCommand command);

    /**
     * Reads a staff user.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param staffId the user
     * @return the user, if visible to the caller and existing
     */
    Optional<StaffView> findById(Actor actor, StaffId staffId);

    /**
     * Lists staff users by name. A manager whose view is limited to their department sees only its members.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query filters and page
     * @return one page
     */
    Page<StaffView> search(Actor actor, StaffSearchQuery query);
}
