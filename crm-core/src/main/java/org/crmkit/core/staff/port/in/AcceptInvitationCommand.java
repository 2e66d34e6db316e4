package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A customer accepts a portal invitation: the token sent to their email, and their first password.
 *
 * @param token    the invitation token as delivered
 * @param password 12 to 128 characters, not the email, not a common password
 */
public record AcceptInvitationCommand(@NotBlank @Size(max = 200) String token,
                                      @NotNull @Size(max = 512) String password) {
    @Override
    public String toString() {
        return "AcceptInvitationCommand[token and password withheld]";
    }
}
