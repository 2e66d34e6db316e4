package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The first administrator of an installation.
 *
 * @param firstName given name, 1 to 100 characters
 * @param lastName  family name, 1 to 100 characters
 * @param workEmail work email, the login
 * @param password  12 to 128 characters, not the email, not a common password
 */
public record BootstrapAdminCommand(@NotBlank @Size(max = 200) String firstName,
                                    @NotBlank @Size(max = 200) String lastName,
                                    @NotBlank @Size(max = 254) String workEmail,
                                    @NotNull @Size(max = 512) String password) {
    @Override
    public String toString() {
        return "BootstrapAdminCommand[personal data and password withheld]";
    }
}
