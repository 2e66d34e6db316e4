package org.crmkit.core.lead.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.shared.StaffId;

/**
 * Creates a lead.
 *
 * @param firstName      given name, 1 to 100 characters
 * @param lastName       family name, 1 to 100 characters
 * @param company        optional company
 * @param email          optional email address
 * @param phone          optional international phone number
 * @param source         how it came in; required
 * @param estimatedValue optional estimated value (not negative)
 * @param notes          optional notes, up to 2,000 characters
 * @param owner          optional owner; a staff caller who names none owns the lead
 */
public record CreateLeadCommand(
        @NotBlank @Size(max = 200) String firstName,
        @NotBlank @Size(max = 200) String lastName,
        @Size(max = 200) String company,
        @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*", message = "may hold only digits, spaces and + ( ) . - /") String phone,
        @NotNull LeadSource source,
        @Valid MoneyData estimatedValue,
        @Size(max = 4000) String notes,
        StaffId owner) {

    /**
     * @param firstName given name
     * @param lastName  family name
     * @param email     email address
     * @param source    how it came in
     * @return a command with only these
     */
    public static CreateLeadCommand of(String firstName, String lastName, String email, LeadSource source) {
        return new CreateLeadCommand(firstName, lastName, null, email, null, source, null, null, null);
    }
}
