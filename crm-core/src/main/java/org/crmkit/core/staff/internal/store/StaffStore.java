package org.crmkit.core.staff.internal.store;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.internal.domain.StaffUser;
import org.crmkit.core.staff.port.out.StaffRepository;
import org.crmkit.core.staff.port.out.StaffSearchCriteria;

/**
 * The staff area's repository of aggregates, on the adapter's {@link StaffRepository} of snapshots: it hands the port
 * snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port stays
 * free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class StaffStore {
    private final StaffRepository port;

    /** @param port the adapter's port */
    public StaffStore(StaffRepository port) {
        this.port = port;
    }

    /** @see StaffRepository#add */
    public void add(StaffUser user) {
        port.add(user.snapshot());
    }

    /** @see StaffRepository#update */
    public void update(StaffUser user) {
        port.update(user.snapshot());
        user.recordStored();
    }

    /** @see StaffRepository#findById */
    public Optional<StaffUser> findById(StaffId id) {
        return port.findById(id).map(StaffUser::restore);
    }

    /** @see StaffRepository#findByEmail */
    public Optional<StaffUser> findByEmail(EmailAddress email) {
        return port.findByEmail(email).map(StaffUser::restore);
    }

    /** @see StaffRepository#countActiveWithRoleForUpdate */
    public long countActiveWithRoleForUpdate(Role role) {
        return port.countActiveWithRoleForUpdate(role);
    }

    /** @see StaffRepository#markBootstrapped */
    public boolean markBootstrapped(java.time.Instant at) {
        return port.markBootstrapped(at);
    }

    /** @see StaffRepository#countActiveInDepartment */
    public long countActiveInDepartment(DepartmentId department) {
        return port.countActiveInDepartment(department);
    }

    /** @see StaffRepository#search */
    public List<StaffUser> search(StaffSearchCriteria criteria, int limit) {
        return port.search(criteria, limit).stream().map(StaffUser::restore).toList();
    }
}
