package org.crmkit.persistence.mybatis.internal.staff;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;

/** The explicit mapping between a staff user's snapshot and its rows; no reflection on domain objects. */
final class StaffRows {
    private StaffRows() {
    }

    static StaffRow toRow(StaffSnapshot s) {
        return new StaffRow(s.id().value(), s.version(), s.name().first(), s.name().last(), s.name().sortKey(),
                s.workEmail().value(), s.department() == null ? null : s.department().value(), s.active(),
                s.createdAt(), s.updatedAt());
    }

    static List<StaffRoleRow> toRoleRows(StaffSnapshot s) {
        // sorted, so that concurrent writers take the row locks in one order
        return s.roles().stream().sorted().map(role -> new StaffRoleRow(s.id().value(), role.name())).toList();
    }

    static StaffSnapshot toSnapshot(StaffRow r, List<StaffRoleRow> roles) {
        Set<Role> roleSet = EnumSet.noneOf(Role.class);
        roles.forEach(role -> roleSet.add(Role.valueOf(role.role())));
        return new StaffSnapshot(new StaffId(r.id()), r.version(), new PersonName(r.firstName(), r.lastName()),
                new EmailAddress(r.workEmail()), r.departmentId() == null ? null : new DepartmentId(r.departmentId()),
                roleSet, r.active(), r.createdAt(), r.updatedAt());
    }

    static List<UUID> ids(List<StaffRow> rows) {
        return rows.stream().map(StaffRow::id).toList();
    }
}
