package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.crmkit.core.shared.DepartmentId;

/**
 * Creates a staff user and their login account.
 *
 * @param firstName       given name, 1 to 100 characters
 * @param lastName        family name, 1 to 100 characters
 * @param workEmail       work email, unique, the login
 * @param departmentId    optional: an active department
 * @param roles           role names ({@code ADMIN}, {@code SALES_REP}, ...), possibly none
 * @param initialPassword optional: a first password; without one the user sets it through a password reset
 */
public record CreateStaffCommand(@NotBlank @Size(max = 200) String firstName,
                                 @NotBlank @Size(max = 200) String lastName,
                                 @NotBlank @Size(max = 254) String workEmail,
                                 DepartmentId departmentId,
                                 @NotNull @Size(max = 16) Set<@NotBlank @Size(max = 32) String> roles,
                                 @Size(max = 512) String initialPassword) {
    @Override
    public String toString() {
        return "CreateStaffCommand[departmentId=" + departmentId + ", roles=" + roles + "]";
    }
}
