package org.crmkit.persistence.mybatis.internal.staff;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.port.out.DepartmentRepository;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Departments in {@code crm_department}, unique by folded name ({@code uq_crm_department__name}), with optimistic
 * locking on the version column. {@link #findByIdForUpdate} holds the row by writing it ({@code hold_count}, V16, not
 * part of the department, so its version stays) before its locking read: a deactivation and a move of a member into
 * the department then conflict on every engine that detects write conflicts, also on a Galera cluster with several
 * writers, where a locking read holds only on its own node.
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
    public void add(DepartmentSnapshot department) {
        mapper.insert(DepartmentRows.toRow(department));
    }

    @Override
    public void update(DepartmentSnapshot department) {
        DepartmentSnapshot snapshot = department;
        unitOfWork.updateVersioned("department", department.id(), department.version(),
                () -> mapper.update(DepartmentRows.toRow(snapshot)), () -> { });
    }

    @Override
    public Optional<DepartmentSnapshot> findById(DepartmentId id) {
        return Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> DepartmentRows.toSnapshot(row));
    }

    @Override
    public Optional<DepartmentSnapshot> findByIdForUpdate(DepartmentId id) {
        mapper.hold(id.value());
        return Optional.ofNullable(mapper.selectByIdForUpdate(id.value()))
                .map(row -> DepartmentRows.toSnapshot(row));
    }

    @Override
    public List<DepartmentSnapshot> findAll() {
        return mapper.selectAll().stream().map(row -> DepartmentRows.toSnapshot(row)).toList();
    }
}
