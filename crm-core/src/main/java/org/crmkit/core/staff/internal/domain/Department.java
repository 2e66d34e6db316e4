package org.crmkit.core.staff.internal.domain;

import org.crmkit.core.staff.StaffError;
import org.crmkit.core.staff.DepartmentSnapshot;
import org.crmkit.core.staff.StaffEvents;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.shared.StaffId;

/**
 * A department: a named team of staff users with an optional manager. Names are unique, compared folded (case and
 * accents ignored). A deactivated department takes no new members; the service refuses to deactivate one that still
 * has active members.
 */
public final class Department extends AggregateRoot {
    static final String TYPE = "department";
    /** Longest name accepted. */
    public static final int MAX_NAME = 100;

    private final DepartmentId id;
    private String name;
    private StaffId manager;
    private boolean active;
    private final Instant createdAt;
    private Instant updatedAt;

    private Department(DepartmentSnapshot s) {
        super(TYPE, s.version());
        this.id = s.id();
        this.name = s.name();
        this.manager = s.manager();
        this.active = s.active();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    /**
     * @param id      the new id
     * @param name    the name (trimmed, 1 to 100 characters)
     * @param manager the manager, or {@code null}
     * @param now     the current time
     * @return a new active department
     */
    public static Department create(DepartmentId id, String name, StaffId manager, Instant now) {
        Department d = new Department(new DepartmentSnapshot(id, 0, checkName(name), manager, true, now, now));
        d.record(new StaffEvents.DepartmentChanged(id, "created", now));
        return d;
    }

    /** @param snapshot stored state @return the department */
    public static Department restore(DepartmentSnapshot snapshot) {
        return new Department(snapshot);
    }

    /**
     * @param name any text
     * @return the trimmed name
     * @throws InvalidValueException ({@code name}) when blank, too long or holding control characters
     */
    public static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidValueException("name", "must not be blank");
        }
        String trimmed = name.strip();
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException("name", "must not contain control characters");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_NAME) {
            throw new InvalidValueException("name", "must be at most " + MAX_NAME + " characters");
        }
        return trimmed;
    }

    static String nameKey(String name) {
        return PersonName.fold(name);
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** @param newName the new name @param now the current time */
    public void rename(String newName, Instant now) {
        requireActive();
        String checked = checkName(newName);
        if (!checked.equals(name)) {
            name = checked;
            changed("renamed", now);
        }
    }

    /** @param newManager the new manager, or {@code null} for none @param now the current time */
    public void changeManager(StaffId newManager, Instant now) {
        requireActive();
        if (!Objects.equals(manager, newManager)) {
            manager = newManager;
            changed("manager_changed", now);
        }
    }

    /** @param now the current time @throws BusinessRuleViolationException when already inactive */
    public void deactivate(Instant now) {
        requireActive();
        active = false;
        changed("deactivated", now);
    }

    /** @throws BusinessRuleViolationException ({@code department_inactive}) unless active */
    public void requireActive() {
        if (!active) {
            throw new BusinessRuleViolationException(StaffError.DEPARTMENT_INACTIVE, "department " + id + " is inactive");
        }
    }

    private void changed(String change, Instant now) {
        updatedAt = now;
        record(new StaffEvents.DepartmentChanged(id, change, now));
    }

    /** @return the id */
    public DepartmentId id() {
        return id;
    }

    /** @return the current state */
    public DepartmentSnapshot snapshot() {
        return new DepartmentSnapshot(id, version(), name, manager, active, createdAt, updatedAt);
    }
}
