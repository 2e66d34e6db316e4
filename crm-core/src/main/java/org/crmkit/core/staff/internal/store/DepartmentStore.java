package org.crmkit.core.staff.internal.store;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.internal.domain.Department;
import org.crmkit.core.staff.port.out.DepartmentRepository;

/**
 * The staff area's repository of aggregates, on the adapter's {@link DepartmentRepository} of snapshots: it hands the
 * port snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port
 * stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class DepartmentStore {
    private final DepartmentRepository port;

    /** @param port the adapter's port */
    public DepartmentStore(DepartmentRepository port) {
        this.port = port;
    }

    /** @see DepartmentRepository#add */
    public void add(Department department) {
        port.add(department.snapshot());
    }

    /** @see DepartmentRepository#update */
    public void update(Department department) {
        port.update(department.snapshot());
        department.recordStored();
    }

    /** @see DepartmentRepository#findById */
    public Optional<Department> findById(DepartmentId id) {
        return port.findById(id).map(Department::restore);
    }

    /** @see DepartmentRepository#findByIdForUpdate */
    public Optional<Department> findByIdForUpdate(DepartmentId id) {
        return port.findByIdForUpdate(id).map(Department::restore);
    }

    /** @see DepartmentRepository#findAll */
    public List<Department> findAll() {
        return port.findAll().stream().map(Department::restore).toList();
    }
}
