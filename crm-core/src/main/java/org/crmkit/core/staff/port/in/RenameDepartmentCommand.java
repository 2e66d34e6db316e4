package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.DepartmentId;

/**
 * Renames a department.
 *
 * @param departmentId    the department
 * @param name            1 to 100 characters, unique
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record RenameDepartmentCommand(@NotNull DepartmentId departmentId, @NotBlank @Size(max = 200) String name,
                                      @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param departmentId the department
     * @param name         1 to 100 characters, unique
     */
    public RenameDepartmentCommand(DepartmentId departmentId, String name) {
        this(departmentId, name, null);
    }
}
