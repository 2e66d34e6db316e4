package org.crmkit.persistence.mybatis.staff;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.staff.domain.Department;
import org.crmkit.core.staff.domain.DepartmentSnapshot;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.persistence.mybatis.support.MyBatisUnitOfWork;

/**
 * Departments in {@code crm_department}, unique by folded name ({@code uq_crm_department__name}), with optimistic
 * locking on the version column.
 */
public final class MyBatisDepartmentRepository implements DepartmentRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final DepartmentMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisDepartmentRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(DepartmentMapper.class);
    }

    @Override
    public void add(Department department) {
        mapper.insert(DepartmentRows.toRow(department.snapshot()));
    }

    @Override
    public void update(Department department) {
        DepartmentSnapshot snapshot = department.snapshot();
        unitOfWork.updateVersioned(department, () -> mapper.update(DepartmentRows.toRow(snapshot)), () -> { });
    }

    @Override
    public Optional<Department> findById(DepartmentId id) {
        return Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> Department.restore(DepartmentRows.toSnapshot(row)));
    }

    @Override
    public Optional<Department> findByIdForUpdate(DepartmentId id) {
        return Optional.ofNullable(mapper.selectByIdForUpdate(id.value()))
                .map(row -> Department.restore(DepartmentRows.toSnapshot(row)));
    }

    @Override
    public List<Department> findAll() {
        return mapper.selectAll().stream().map(row -> Department.restore(DepartmentRows.toSnapshot(row))).toList();
    }
}
