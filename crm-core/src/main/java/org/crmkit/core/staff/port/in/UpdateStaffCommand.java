package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.StaffId;

/**
 * Changes a staff user's name and work email (the login follows the email).
 *
 * @param staffId         the user
 * @param firstName       given name
 * @param lastName        family name
 * @param workEmail       work email, unique
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record UpdateStaffCommand(@NotNull StaffId staffId, @NotBlank @Size(max = 200) String firstName,
                                 @NotBlank @Size(max = 200) String lastName,
                                 @NotBlank @Size(max = 254) String workEmail,
                                 @PositiveOrZero Long expectedVersion) {
    @Override
    public String toString() {
        return "UpdateStaffCommand[staffId=" + staffId + ", expectedVersion=" + expectedVersion + "]";
    }
}
