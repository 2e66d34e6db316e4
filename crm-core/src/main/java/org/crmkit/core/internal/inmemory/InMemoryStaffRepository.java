package org.crmkit.core.internal.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;

/** Staff users in memory, unique by work email, versioned. */
public final class InMemoryStaffRepository implements StaffRepository {
    private static final Comparator<StaffSnapshot> BY_NAME = Comparator
            .comparing((StaffSnapshot s) -> s.name().sortKey(), CodePoints::compare)
            .thenComparing(s -> s.id().value(), UuidV7::compareBytes);

    private final InMemoryTable<StaffId, StaffSnapshot> table;
    private final InMemoryTable<Integer, java.time.Instant> installation;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryStaffRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<StaffId, StaffSnapshot>(unitOfWork, "staff", StaffSnapshot::id,
                StaffSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("workEmail", StaffSnapshot::workEmail);
        this.installation = new InMemoryTable<>(unitOfWork, "installation", at -> 1, at -> 0, at -> at);
    }

    @Override
    public boolean markBootstrapped(java.time.Instant at) {
        if (installation.get(1).isPresent()) {
            return false;
        }
        installation.insert(at);
        return true;
    }

    @Override
    public void add(StaffSnapshot user) {
        table.insert(user);
    }

    @Override
    public void update(StaffSnapshot user) {
        table.update(user);
    }

    @Override
    public Optional<StaffSnapshot> findById(StaffId id) {
        return table.get(id);
    }

    @Override
    public Optional<StaffSnapshot> findByEmail(EmailAddress email) {
        return table.where(s -> s.workEmail().equals(email)).stream().findFirst();
    }

    @Override
    public long countActiveWithRoleForUpdate(Role role) {
        return table.where(s -> s.active() && s.roles().contains(role)).size();
    }

    @Override
    public long countActiveInDepartment(DepartmentId department) {
        return table.where(s -> s.active() && department.equals(s.department())).size();
    }

    @Override
    public List<StaffSnapshot> search(StaffSearchCriteria criteria, int limit) {
        StaffSearchCriteria.Position after = criteria.after();
        return table.where(criteria::matches).stream()
                .filter(s -> after == null || CodePoints.compare(s.name().sortKey(), after.nameKey()) > 0
                        || s.name().sortKey().equals(after.nameKey())
                        && UuidV7.compareBytes(s.id().value(), after.id().value()) > 0)
                .sorted(BY_NAME)
                .limit(limit)
                
                .toList();
    }
}
