package org.crmkit.core.staff;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;

/**
 * A staff user's stored state, what repositories keep.
 *
 * @param id         the user
 * @param version    the stored version (optimistic locking)
 * @param name       the name
 * @param workEmail  the work email, unique among staff and the login of the user's account
 * @param department the department, or {@code null}
 * @param roles      the roles held
 * @param active     whether the user may log in and act
 * @param createdAt  when the user was created
 * @param updatedAt  when the user last changed
 */
public record StaffSnapshot(StaffId id, long version, PersonName name, EmailAddress workEmail,
                            DepartmentId department, Set<Role> roles, boolean active, Instant createdAt,
                            Instant updatedAt) {
    /** Checks the required parts and copies the roles. */
    public StaffSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(workEmail, "workEmail");
        Objects.requireNonNull(roles, "roles");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /**
     * @param newVersion the version to carry
     * @return this state at another version
     */
    public StaffSnapshot withVersion(long newVersion) {
        return new StaffSnapshot(id, newVersion, name, workEmail, department, roles, active, createdAt, updatedAt);
    }
}
