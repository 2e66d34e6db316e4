package org.crmkit.persistence.mybatis.internal.staff;

import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.DepartmentSnapshot;

/** The explicit mapping between a department snapshot and its row; no reflection on domain objects. */
final class DepartmentRows {
    private DepartmentRows() {
    }

    static DepartmentRow toRow(DepartmentSnapshot s) {
        return new DepartmentRow(s.id().value(), s.version(), s.name(), s.nameKey(),
                s.manager() == null ? null : s.manager().value(), s.active(), s.createdAt(), s.updatedAt());
    }

    static DepartmentSnapshot toSnapshot(DepartmentRow r) {
        return new DepartmentSnapshot(new DepartmentId(r.id()), r.version(), r.name(),
                r.managerId() == null ? null : new StaffId(r.managerId()), r.active(), r.createdAt(), r.updatedAt());
    }
}
