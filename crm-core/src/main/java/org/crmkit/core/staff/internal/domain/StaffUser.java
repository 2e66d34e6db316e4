package org.crmkit.core.staff.internal.domain;

import org.crmkit.core.shared.CrmError;
import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.StaffSnapshot;
import org.crmkit.core.staff.StaffEvents;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.EmailAddress;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.Role;
import org.crmkit.core.shared.StaffId;

/**
 * A staff user: name, unique work email, department, roles, and whether they are active. A deactivated user can
 * neither log in nor act: an {@link Actor} naming them is refused. Rules that need other users (the last
 * administrator, an active department) are checked by the service.
 */
public final class StaffUser extends AggregateRoot {
    static final String TYPE = "staff";

    private final StaffId id;
    private PersonName name;
    private EmailAddress workEmail;
    private DepartmentId department;
    private final Set<Role> roles;
    private boolean active;
    private final Instant createdAt;
    private Instant updatedAt;

    private StaffUser(StaffSnapshot s) {
        super(TYPE, s.version());
        this.id = s.id();
        this.name = s.name();
        this.workEmail = s.workEmail();
        this.department = s.department();
        this.roles = s.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(s.roles());
        this.active = s.active();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    /**
     * @param id         the new id
     * @param name       the name
     * @param workEmail  the work email
     * @param department the department, or {@code null}
     * @param roles      the initial roles
     * @param now        the current time
     * @return a new active staff user
     */
    public static StaffUser create(StaffId id, PersonName name, EmailAddress workEmail, DepartmentId department,
                                   Set<Role> roles, Instant now) {
        StaffUser user = new StaffUser(new StaffSnapshot(id, 0, name, workEmail, department, roles, true, now, now));
        user.record(new StaffEvents.StaffUserCreated(id, now));
        return user;
    }

    /** @param snapshot stored state @return the user */
    public static StaffUser restore(StaffSnapshot snapshot) {
        return new StaffUser(snapshot);
    }

    @Override
    protected Object identity() {
        return id;
    }

    /**
     * @param newName  the name
     * @param newEmail the work email
     * @param now      the current time
     */
    public void update(PersonName newName, EmailAddress newEmail, Instant now) {
        requireActive();
        if (!name.equals(newName) || !workEmail.equals(newEmail)) {
            name = Objects.requireNonNull(newName, "name");
            workEmail = Objects.requireNonNull(newEmail, "workEmail");
            changed("updated", now);
        }
    }

    /** @param role the role to grant @param now the current time */
    public void grant(Role role, Instant now) {
        requireActive();
        if (roles.add(Objects.requireNonNull(role, "role"))) {
            updatedAt = now;
            record(new StaffEvents.RoleChanged(id, role, true, now));
        }
    }

    /** @param role the role to revoke @param now the current time */
    public void revoke(Role role, Instant now) {
        requireActive();
        if (roles.remove(Objects.requireNonNull(role, "role"))) {
            updatedAt = now;
            record(new StaffEvents.RoleChanged(id, role, false, now));
        }
    }

    /** @param newDepartment the department, or {@code null} for none @param now the current time */
    public void moveTo(DepartmentId newDepartment, Instant now) {
        requireActive();
        if (!Objects.equals(department, newDepartment)) {
            department = newDepartment;
            changed("moved", now);
        }
    }

    /** @param now the current time @throws BusinessRuleViolationException when already inactive */
    public void deactivate(Instant now) {
        requireActive();
        active = false;
        changed("deactivated", now);
    }

    /** @param now the current time @throws BusinessRuleViolationException when already active */
    public void reactivate(Instant now) {
        if (active) {
            throw new BusinessRuleViolationException(StaffError.STAFF_ACTIVE, "staff user " + id + " is already active");
        }
        active = true;
        changed("reactivated", now);
    }

    private void requireActive() {
        if (!active) {
            throw new BusinessRuleViolationException(CrmError.STAFF_INACTIVE, "staff user " + id + " is inactive");
        }
    }

    private void changed(String change, Instant now) {
        updatedAt = now;
        record(new StaffEvents.StaffUserChanged(id, change, now));
    }

    /** @return the actor this user acts as now: their stored roles and department */
    public Actor.Staff asActor() {
        return new Actor.Staff(id, roles, department);
    }

    /** @return the id */
    public StaffId id() {
        return id;
    }

    /** @return whether the user may log in and act */
    public boolean isActive() {
        return active;
    }

    /** @return whether the user is an active administrator */
    public boolean isActiveAdmin() {
        return active && roles.contains(Role.ADMIN);
    }

    /** @return the current state */
    public StaffSnapshot snapshot() {
        return new StaffSnapshot(id, version(), name, workEmail, department, roles, active, createdAt, updatedAt);
    }
}
