package org.crmkit.core.internal.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.port.out.DepartmentRepository;

/** Departments in memory, unique by folded name, versioned. */
public final class InMemoryDepartmentRepository implements DepartmentRepository {
    private final InMemoryTable<DepartmentId, DepartmentSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryDepartmentRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<DepartmentId, DepartmentSnapshot>(unitOfWork, "department",
                DepartmentSnapshot::id, DepartmentSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("name", DepartmentSnapshot::nameKey);
    }

    @Override
    public void add(DepartmentSnapshot department) {
        table.insert(department);
    }

    @Override
    public void update(DepartmentSnapshot department) {
        table.update(department);
    }

    @Override
    public Optional<DepartmentSnapshot> findById(DepartmentId id) {
        return table.get(id);
    }

    @Override
    public Optional<DepartmentSnapshot> findByIdForUpdate(DepartmentId id) {
        return findById(id);
    }

    @Override
    public List<DepartmentSnapshot> findAll() {
        return table.where(d -> true).stream()
                .sorted(Comparator.comparing(DepartmentSnapshot::nameKey, CodePoints::compare)
                        .thenComparing(d -> d.id().value(), UuidV7::compareBytes))
                
                .toList();
    }
}
