package org.crmkit.core.staff.port.in;

import java.time.Instant;
import java.util.Set;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;

/**
 * A staff user as hosts see it.
 *
 * @param id         the user
 * @param version    the version to pass as {@code expectedVersion}
 * @param firstName  given name
 * @param lastName   family name
 * @param workEmail  work email (the login)
 * @param department the department, or {@code null}
 * @param roles      the roles held
 * @param active     whether the user may log in and act
 * @param createdAt  when the user was created
 * @param updatedAt  when the user last changed
 */
public record StaffView(StaffId id, long version, String firstName, String lastName, String workEmail,
                        DepartmentId department, Set<Role> roles, boolean active, Instant createdAt,
                        Instant updatedAt) {
    /** Copies the roles. */
    public StaffView {
        roles = Set.copyOf(roles);
    }

    /** @param s stored state @return its view */
    public static StaffView of(StaffSnapshot s) {
        return new StaffView(s.id(), s.version(), s.name().first(), s.name().last(), s.workEmail().value(),
                s.department(), s.roles(), s.active(), s.createdAt(), s.updatedAt());
    }
}
