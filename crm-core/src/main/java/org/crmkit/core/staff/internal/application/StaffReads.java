package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.DepartmentStore;
import org.crmkit.core.staff.internal.store.StaffStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.internal.port.StaffDirectory;
import org.crmkit.core.staff.port.in.DepartmentView;
import org.crmkit.core.staff.port.in.StaffView;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;

/** The staff reads other areas make through {@link StaffDirectory}; each joins the current transaction. */
final class StaffReads implements StaffDirectory {
    private static final int PAGE = 200;
    private final UseCaseSupport support;
    private final StaffStore staff;
    private final DepartmentStore departments;

    StaffReads(UseCaseSupport support, StaffStore staff, DepartmentStore departments) {
        this.support = support;
        this.staff = staff;
        this.departments = departments;
    }

    @Override
    public Optional<StaffView> find(StaffId id) {
        return support.transaction(() -> staff.findById(id).map(u -> StaffView.of(u.snapshot())));
    }

    @Override
    public Optional<DepartmentView> department(DepartmentId id) {
        return support.transaction(() -> departments.findById(id).map(d -> DepartmentView.of(d.snapshot())));
    }

    @Override
    public List<StaffView> activeWithRole(DepartmentId department, Role role) {
        return support.transaction(() -> {
            List<StaffView> found = new ArrayList<>();
            StaffSearchCriteria.Position after = null;
            while (true) {
                List<StaffUser> page = staff.search(new StaffSearchCriteria(department, role, true, after), PAGE);
                page.forEach(u -> found.add(StaffView.of(u.snapshot())));
                if (page.size() < PAGE) {
                    return found;
                }
                StaffUser last = page.get(page.size() - 1);
                after = new StaffSearchCriteria.Position(last.snapshot().name().sortKey(), last.id());
            }
        });
    }
}
