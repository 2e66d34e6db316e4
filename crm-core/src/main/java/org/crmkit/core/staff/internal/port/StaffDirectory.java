package org.crmkit.core.staff.internal.port;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.StaffView;

/**
 * How other areas read staff users and departments: inside their own use case's transaction, after that use case has
 * checked its own caller, so without an actor, without the host's {@code AccessPolicy} and without an audit entry.
 * Never a host's.
 */
public interface StaffDirectory {

    /** @param id a staff user's id @return the user, active or not */
    Optional<StaffView> find(StaffId id);

    /** @param id a department's id @return the department, active or not */
    Optional<DepartmentView> department(DepartmentId id);

    /**
     * @param department a department
     * @param role       a role
     * @return the department's active staff users holding the role, by name
     */
    List<StaffView> activeWithRole(DepartmentId department, Role role);
}
