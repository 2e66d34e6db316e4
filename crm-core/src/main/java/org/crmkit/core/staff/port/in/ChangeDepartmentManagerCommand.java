package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;

/**
 * Sets or clears a department's manager.
 *
 * @param departmentId    the department
 * @param manager         an active staff user, or {@code null} for none
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record ChangeDepartmentManagerCommand(@NotNull DepartmentId departmentId, StaffId manager,
                                             @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param departmentId the department
     * @param manager      an active staff user, or {@code null} for none
     */
    public ChangeDepartmentManagerCommand(DepartmentId departmentId, StaffId manager) {
        this(departmentId, manager, null);
    }
}
