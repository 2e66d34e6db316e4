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
     * Finds a department and holds it until the transaction ends, so that a deactivation and a move of a member into
     * the department do not both succeed. On an engine that certifies only the rows a transaction wrote (a Galera
     * cluster with several writers, TiDB) a locking read alone does not hold: the hold must write the row (the MyBatis
     * adapter counts holds in a column of its own before its {@code SELECT ... FOR UPDATE}), without moving the
     * department's version.
     *
     * @param id the department
     * @return it, if stored
     */
    Optional<DepartmentSnapshot> findByIdForUpdate(DepartmentId id);

    /** @return every department, by folded name then id */
    List<DepartmentSnapshot> findAll();
}
