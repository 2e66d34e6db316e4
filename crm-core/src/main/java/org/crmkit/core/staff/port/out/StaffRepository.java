package org.crmkit.core.staff.port.out;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.StaffSnapshot;

/**
 * Stores staff users with their roles. Work emails are unique ({@code duplicate} on field {@code workEmail});
 * {@link #update} is optimistic.
 */
public interface StaffRepository {

    /** @param user a new staff user */
    void add(StaffSnapshot user);

    /** @param user a changed staff user, stored only at the version it was loaded at */
    void update(StaffSnapshot user);

    /** @param id the user @return the user, if stored */
    Optional<StaffSnapshot> findById(StaffId id);

    /** @param email a work email @return its user, if any */
    Optional<StaffSnapshot> findByEmail(EmailAddress email);

    /**
     * Counts active users holding a role. On MySQL the read locks the role's index range until the transaction
     * ends, so two transactions cannot both see "no administrator" and both create one.
     *
     * @param role the role
     * @return how many active users hold it
     */
    long countActiveWithRoleForUpdate(Role role);

    /**
     * Records, once per installation, that the first administrator was created. Of two concurrent calls exactly one
     * returns {@code true}, whatever the isolation level (on MySQL a single-row table's primary key decides).
     *
     * @param at when
     * @return whether this call recorded it; {@code false} when the installation was bootstrapped already
     */
    boolean markBootstrapped(java.time.Instant at);

    /**
     * Counts a department's active members with a locking read (MySQL {@code FOR UPDATE}), so the count includes
     * members moved in by transactions that committed while this one waited for the department's lock.
     *
     * @param department a department
     * @return how many active users belong to it
     */
    long countActiveInDepartment(DepartmentId department);

    /**
     * @param criteria filters and resume position
     * @param limit    the most users to return
     * @return matching users by name key, then id
     */
    List<StaffSnapshot> search(StaffSearchCriteria criteria, int limit);
}
