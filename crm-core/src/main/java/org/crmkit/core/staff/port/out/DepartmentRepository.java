package org.crmkit.core.staff.port.out;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.staff.DepartmentSnapshot;

/**
 * Stores departments. Names are unique by their folded key ({@code ConflictException.duplicate} on field
 * {@code name}); {@link #update} is optimistic ({@code stale_version} unless the stored version is the loaded one).
 */
public interface DepartmentRepository {

    /** @param department a new department */
    void add(DepartmentSnapshot department);

    /** @param department a changed department, stored only at the version it was loaded at */
    void update(DepartmentSnapshot department);

    /** @param id the department @return it, if stored */
    Optional<DepartmentSnapshot> findById(DepartmentId id);

    /**
     * Finds a department and locks it until the transaction ends (MySQL {@code SELECT ... FOR UPDATE}), so that a
     * deactivation and a move of a member into the department do not both succeed.
     *
     * @param id the department
     * @return it, if stored
     */
    Optional<DepartmentSnapshot> findByIdForUpdate(DepartmentId id);

    /** @return every department, by folded name then id */
    List<DepartmentSnapshot> findAll();
}
