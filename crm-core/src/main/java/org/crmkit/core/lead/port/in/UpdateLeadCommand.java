package org.crmkit.core.lead.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.crmkit.core.lead.LeadSource;
import org.crmkit.core.lead.LeadId;

/**
 * Replaces a lead's details; see {@link CreateLeadCommand} for the fields.
 *
 * @param leadId          the lead
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 * @param firstName       given name
 * @param lastName        family name
 * @param company         optional company
 * @param email           optional email address
 * @param phone           optional phone number
 * @param source          how it came in
 * @param estimatedValue  optional estimated value
 * @param notes           optional notes
 */
public record UpdateLeadCommand(
        @NotNull LeadId leadId,
        Long expectedVersion,
        @NotBlank @Size(max = 200) String firstName,
        @NotBlank @Size(max = 200) String lastName,
        @Size(max = 200) String company,
        @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*", message = "may hold only digits, spaces and + ( ) . - /") String phone,
        @NotNull LeadSource source,
        @Valid MoneyData estimatedValue,
        @Size(max = 4000) String notes) {
}
