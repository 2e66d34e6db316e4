package org.crmkit.core.staff.port.out;

import java.util.Objects;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;

/**
 * What a staff search filters and where it resumes; every filter optional. Results are ordered by the name's sort
 * key ({@code PersonName.sortKey()}, code points), then id (unsigned bytes).
 *
 * @param department only members of this department
 * @param role       only holders of this role
 * @param active     only active ({@code true}) or inactive ({@code false}) users
 * @param after      resume strictly after this position, or {@code null}
 */
public record StaffSearchCriteria(DepartmentId department, Role role, Boolean active, Position after) {

    /**
     * The last user of the previous page.
     *
     * @param nameKey their name's sort key
     * @param id      their id
     */
    public record Position(String nameKey, StaffId id) {
        /** Checks presence. */
        public Position {
            Objects.requireNonNull(nameKey, "nameKey");
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * @param user a stored user
     * @return whether the user passes the filters (not the position)
     */
    public boolean matches(StaffSnapshot user) {
        return (department == null || department.equals(user.department()))
                && (role == null || user.roles().contains(role))
                && (active == null || active == user.active());
    }
}
