package org.crmkit.persistence.mybatis.internal.staff;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.crmkit.core.shared.ConflictException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Staff users in {@code crm_staff} with their roles in {@code crm_staff_role}, unique by work email
 * ({@code uq_crm_staff__workEmail}), with optimistic locking on the version column.
 */
public final class MyBatisStaffRepository implements StaffRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final StaffMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisStaffRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(StaffMapper.class);
    }

    @Override
    public void add(StaffSnapshot user) {
        StaffSnapshot snapshot = user;
        unitOfWork.inTransaction(() -> {
            mapper.insert(StaffRows.toRow(snapshot));
            insertRoles(snapshot);
        });
    }

    @Override
    public void update(StaffSnapshot user) {
        StaffSnapshot snapshot = user;
        unitOfWork.updateVersioned("staff", user.id(), user.version(),
                () -> mapper.update(StaffRows.toRow(snapshot)), () -> {
            mapper.deleteRoles(snapshot.id().value());
            insertRoles(snapshot);
        });
    }

    @Override
    public Optional<StaffSnapshot> findById(StaffId id) {
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectById(id.value()))).stream().findFirst());
    }

    @Override
    public Optional<StaffSnapshot> findByEmail(EmailAddress email) {
        return unitOfWork.inTransaction(() -> restore(nullable(mapper.selectByEmail(email.value()))).stream()
                .findFirst());
    }

    @Override
    public long countActiveWithRoleForUpdate(Role role) {
        return mapper.countActiveWithRoleForUpdate(role.name());
    }

    @Override
    public boolean markBootstrapped(java.time.Instant at) {
        return unitOfWork.inTransaction(() -> {
            if (mapper.countInstallation() > 0) {
                return false;
            }
            try {
                // a concurrent bootstrap holding the row makes this wait, then fail as a duplicate
                mapper.insertInstallation(at);
                return true;
            } catch (ConflictException taken) {
                return false;
            }
        });
    }

    @Override
    public long countActiveInDepartment(DepartmentId department) {
        return mapper.countActiveInDepartment(department.value());
    }

    @Override
    public List<StaffSnapshot> search(StaffSearchCriteria c, int limit) {
        StaffSearchCriteria.Position after = c.after();
        StaffSearchParams params = new StaffSearchParams(c.department() == null ? null : c.department().value(),
                c.role() == null ? null : c.role().name(), c.active(),
                after == null ? null : after.nameKey(), after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> restore(mapper.search(params)));
    }

    private void insertRoles(StaffSnapshot snapshot) {
        List<StaffRoleRow> roles = StaffRows.toRoleRows(snapshot);
        if (!roles.isEmpty()) {
            mapper.insertRoles(roles);
        }
    }

    private List<StaffSnapshot> restore(List<StaffRow> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<StaffRoleRow>> roles = mapper.selectRoles(StaffRows.ids(rows)).stream()
                .collect(Collectors.groupingBy(StaffRoleRow::staffId));
        return rows.stream()
                .map(row -> StaffRows.toSnapshot(row, roles.getOrDefault(row.id(), List.of())))
                .toList();
    }

    private static List<StaffRow> nullable(StaffRow row) {
        return row == null ? List.of() : List.of(row);
    }
}
