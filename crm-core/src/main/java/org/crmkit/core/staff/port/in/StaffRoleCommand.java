package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.StaffId;

/**
 * Grants or revokes one role.
 *
 * @param staffId         the user
 * @param role            the role's name, such as {@code SALES_MANAGER}
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record StaffRoleCommand(@NotNull StaffId staffId, @NotBlank @Size(max = 32) String role,
                               @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param staffId the user
     * @param role    the role's name, such as {@code SALES_MANAGER}
     */
    public StaffRoleCommand(StaffId staffId, String role) {
        this(staffId, role, null);
    }
}
