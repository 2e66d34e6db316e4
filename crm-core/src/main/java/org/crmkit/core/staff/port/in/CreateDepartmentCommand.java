package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.StaffId;

/**
 * Creates a department.
 *
 * @param name    1 to 100 characters, unique (ignoring case and accents)
 * @param manager optional: an active staff user
 */
public record CreateDepartmentCommand(@NotBlank @Size(max = 200) String name, StaffId manager) {

    /** @param name 1 to 100 characters, unique (ignoring case and accents) (no manager yet) */
    public CreateDepartmentCommand(String name) {
        this(name, null);
    }
}
