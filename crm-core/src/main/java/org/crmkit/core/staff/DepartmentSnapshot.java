package org.crmkit.core.staff;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;

/**
 * A department's stored state, what repositories keep.
 *
 * @param id        the department
 * @param version   the stored version (optimistic locking)
 * @param name      the name, trimmed
 * @param manager   the managing staff user, or {@code null}
 * @param active    whether the department takes members
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record DepartmentSnapshot(DepartmentId id, long version, String name, StaffId manager, boolean active,
                                 Instant createdAt, Instant updatedAt) {
    /** Checks the required parts. */
    public DepartmentSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return the key names are unique by: {@linkplain org.crmkit.core.shared.PersonName#fold folded} */
    public String nameKey() {
        return org.crmkit.core.shared.PersonName.fold(name);
    }

    /**
     * @param newVersion the version to carry
     * @return this state at another version
     */
    public DepartmentSnapshot withVersion(long newVersion) {
        return new DepartmentSnapshot(id, newVersion, name, manager, active, createdAt, updatedAt);
    }
}
