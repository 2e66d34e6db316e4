package org.crmkit.core.lead.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Optional;
import org.crmkit.core.lead.LeadId;
import org.crmkit.core.lead.LeadSource;

/**
 * Changes some of a lead's details (see {@link CreateLeadCommand} for the fields); what the command does not name
 * stays as it is. Build it with {@link #of(LeadId)}: {@code UpdateLeadCommand.of(id).company("Acme").phone(null)
 * .build()} sets the company and removes the phone.
 *
 * <p>In the record, a {@code null} component means "unchanged"; an optional detail is an {@link Optional}, empty to
 * remove it.
 *
 * @param leadId          the lead
 * @param expectedVersion the version the caller read, or {@code null} to skip the check
 * @param firstName       new given name, or {@code null} to keep it
 * @param lastName        new family name, or {@code null} to keep it
 * @param company         new company; empty to remove it, {@code null} to keep it
 * @param email           new email address; empty to remove it, {@code null} to keep it
 * @param phone           new phone number; empty to remove it, {@code null} to keep it
 * @param source          how it came in, or {@code null} to keep it
 * @param estimatedValue  new estimated value; empty to remove it, {@code null} to keep it
 * @param notes           new notes; empty to remove them, {@code null} to keep them
 */
public record UpdateLeadCommand(
        @NotNull LeadId leadId,
        Long expectedVersion,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String lastName,
        Optional<@Size(max = 200) String> company,
        Optional<@Size(max = 254) String> email,
        Optional<@Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*",
                message = "may hold only digits, spaces and + ( ) . - /") String> phone,
        LeadSource source,
        Optional<@Valid MoneyData> estimatedValue,
        Optional<@Size(max = 4000) String> notes) {

    /** @param leadId the lead @return a builder that changes nothing until a detail is named */
    public static Builder of(LeadId leadId) {
        return new Builder(leadId);
    }

    /** Names, one at a time, the details that change; {@code null} removes an optional detail. */
    public static final class Builder {
        private final LeadId leadId;
        private Long expectedVersion;
        private String firstName;
        private String lastName;
        private Optional<String> company;
        private Optional<String> email;
        private Optional<String> phone;
        private LeadSource source;
        private Optional<MoneyData> estimatedValue;
        private Optional<String> notes;

        private Builder(LeadId leadId) {
            this.leadId = leadId;
        }

        /** @param expectedVersion the version the caller read @return this builder */
        public Builder expectedVersion(long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @param firstName the new given name @return this builder */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** @param lastName the new family name @return this builder */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** @param company the new company, or {@code null} to remove it @return this builder */
        public Builder company(String company) {
            this.company = Optional.ofNullable(company);
            return this;
        }

        /** @param email the new email address, or {@code null} to remove it @return this builder */
        public Builder email(String email) {
            this.email = Optional.ofNullable(email);
            return this;
        }

        /** @param phone the new phone number, or {@code null} to remove it @return this builder */
        public Builder phone(String phone) {
            this.phone = Optional.ofNullable(phone);
            return this;
        }

        /** @param source how the lead came in @return this builder */
        public Builder source(LeadSource source) {
            this.source = source;
            return this;
        }

        /** @param estimatedValue the new estimated value, or {@code null} to remove it @return this builder */
        public Builder estimatedValue(MoneyData estimatedValue) {
            this.estimatedValue = Optional.ofNullable(estimatedValue);
            return this;
        }

        /** @param notes the new notes, or {@code null} to remove them @return this builder */
        public Builder notes(String notes) {
            this.notes = Optional.ofNullable(notes);
            return this;
        }

        /** @return the command */
        public UpdateLeadCommand build() {
            return new UpdateLeadCommand(leadId, expectedVersion, firstName, lastName, company, email, phone, source,
                    estimatedValue, notes);
        }
    }
}
