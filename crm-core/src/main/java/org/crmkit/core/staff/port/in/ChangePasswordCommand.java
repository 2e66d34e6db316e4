package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Changes one's own password.
 *
 * @param currentPassword the password now
 * @param newPassword     12 to 128 characters, not the email, not a common password, not the current one
 */
public record ChangePasswordCommand(@NotNull @Size(max = 512) String currentPassword,
                                    @NotNull @Size(max = 512) String newPassword) {
    @Override
    public String toString() {
        return "ChangePasswordCommand[passwords withheld]";
    }
}
