package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.DepartmentId;

/**
 * Deactivates a department.
 *
 * @param departmentId    the department
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record DeactivateDepartmentCommand(@NotNull DepartmentId departmentId, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param departmentId the department
     */
    public DeactivateDepartmentCommand(DepartmentId departmentId) {
        this(departmentId, null);
    }
}
