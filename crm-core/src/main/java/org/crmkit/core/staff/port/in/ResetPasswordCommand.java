package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Sets a new password with a reset token.
 *
 * @param token       the token as delivered
 * @param newPassword 12 to 128 characters, not the email, not a common password
 */
public record ResetPasswordCommand(@NotBlank @Size(max = 128) String token,
                                   @NotNull @Size(max = 512) String newPassword) {
    @Override
    public String toString() {
        return "ResetPasswordCommand[token and password withheld]";
    }
}
