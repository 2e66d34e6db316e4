package org.crmkit.core.testing;

import org.crmkit.core.staff.internal.store.StaffStore;
import org.crmkit.core.testing.CrmTestAccess;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.crmkit.core.Crm;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.staff.internal.domain.StaffUser;

/**
 * Puts staff users straight into a {@link Crm}'s store, for tests of other areas: crmkit refuses a staff actor it
 * does not know, so a test that acts as staff enrols them first. Tests of the staff area itself go through the use
 * cases instead.
 */
public final class TestStaff {
    private TestStaff() {
    }

    /**
     * @param crm   the instance whose store receives the user
     * @param id    the user's id
     * @param roles the user's roles
     * @return the actor of the enrolled, active user
     */
    public static Actor enrol(Crm crm, StaffId id, Role... roles) {
        return enrol(crm, id, null, roles);
    }

    /**
     * @param crm        the instance whose store receives the user
     * @param id         the user's id
     * @param department the user's department (must exist), or {@code null}
     * @param roles      the user's roles
     * @return the actor of the enrolled, active user
     */
    public static Actor enrol(Crm crm, StaffId id, DepartmentId department, Role... roles) {
        Set<Role> set = roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles);
        StaffUser user = StaffUser.create(id, new PersonName("Test", "Staff " + id), EmailAddress.of("staff-" + id
                + "@crmkit.test"), department, set, Instant.parse("2026-01-01T00:00:00Z"));
        CrmTestAccess.persistence(crm).unitOfWork().inTransaction(() -> new StaffStore(CrmTestAccess.persistence(crm).staff()).add(user));
        return user.asActor();
    }

    /**
     * @param crm   the instance whose store receives the user
     * @param actor a staff actor built by the test; enrolled with its id and roles
     * @return the same actor
     */
    public static Actor enrol(Crm crm, Actor actor) {
        Actor.Staff staff = (Actor.Staff) actor;
        enrol(crm, staff.id(), staff.department(), staff.roles().toArray(new Role[0]));
        return actor;
    }
}
