package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.StaffId;

/**
 * Deactivates or reactivates a staff user.
 *
 * @param staffId         the user
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record StaffStatusCommand(@NotNull StaffId staffId, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param staffId the user
     */
    public StaffStatusCommand(StaffId staffId) {
        this(staffId, null);
    }
}
