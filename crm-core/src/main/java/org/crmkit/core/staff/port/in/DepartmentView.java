package org.crmkit.core.staff.port.in;

import java.time.Instant;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.DepartmentSnapshot;

/**
 * A department as hosts see it.
 *
 * @param id        the department
 * @param version   the version to pass as {@code expectedVersion}
 * @param name      the name
 * @param manager   the manager, or {@code null}
 * @param active    whether it takes members
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record DepartmentView(DepartmentId id, long version, String name, StaffId manager, boolean active,
                             Instant createdAt, Instant updatedAt) {
    /** @param s stored state @return its view */
    public static DepartmentView of(DepartmentSnapshot s) {
        return new DepartmentView(s.id(), s.version(), s.name(), s.manager(), s.active(), s.createdAt(),
                s.updatedAt());
    }
}
