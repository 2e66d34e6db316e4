package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.shared.StaffId;

/**
 * Moves a staff user to another department, or out of any.
 *
 * @param staffId         the user
 * @param departmentId    an active department, or {@code null} for none
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record MoveStaffCommand(@NotNull StaffId staffId, DepartmentId departmentId,
                               @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param staffId      the user
     * @param departmentId an active department, or {@code null} for none
     */
    public MoveStaffCommand(StaffId staffId, DepartmentId departmentId) {
        this(staffId, departmentId, null);
    }
}
