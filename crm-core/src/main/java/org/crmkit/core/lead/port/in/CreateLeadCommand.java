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
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
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
        StaffId owner,
        @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                 message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param firstName given name, 1 to 100 characters
     * @param lastName family name, 1 to 100 characters
     * @param company optional company
     * @param email optional email address
     * @param phone optional international phone number
     * @param source how it came in; required
     * @param estimatedValue optional estimated value (not negative)
     * @param notes optional notes, up to 2,000 characters
     * @param owner optional owner; a staff caller who names none owns the lead
     */
    public CreateLeadCommand(String firstName, String lastName, String company, String email, String phone,
                             LeadSource source, MoneyData estimatedValue, String notes, StaffId owner) {
        this(firstName, lastName, company, email, phone, source, estimatedValue, notes, owner, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public CreateLeadCommand withIdempotencyKey(String idempotencyKey) {
        return new CreateLeadCommand(firstName, lastName, company, email, phone, source, estimatedValue, notes, owner,
                idempotencyKey);
    }

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

    /**
     * Required: {@code firstName}, {@code lastName} and {@code source}; the use case names every missing or bad field
     * at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateLeadCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String company;
        private String email;
        private String phone;
        private LeadSource source;
        private MoneyData estimatedValue;
        private String notes;
        private StaffId owner;

        private Builder() {
        }

        /** @param firstName given name, 1 to 100 characters @return this builder */
        public Builder firstName(String firstName) {
            this.firstName = firstName;
            return this;
        }

        /** @param lastName family name, 1 to 100 characters @return this builder */
        public Builder lastName(String lastName) {
            this.lastName = lastName;
            return this;
        }

        /** @param company optional company @return this builder */
        public Builder company(String company) {
            this.company = company;
            return this;
        }

        /** @param email optional email address @return this builder */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** @param phone optional international phone number @return this builder */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** @param source how it came in; required @return this builder */
        public Builder source(LeadSource source) {
            this.source = source;
            return this;
        }

        /** @param estimatedValue optional estimated value (not negative) @return this builder */
        public Builder estimatedValue(MoneyData estimatedValue) {
            this.estimatedValue = estimatedValue;
            return this;
        }

        /** @param notes optional notes, up to 2,000 characters @return this builder */
        public Builder notes(String notes) {
            this.notes = notes;
            return this;
        }

        /** @param owner optional owner; a staff caller who names none owns the lead @return this builder */
        public Builder owner(StaffId owner) {
            this.owner = owner;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public CreateLeadCommand build() {
            return new CreateLeadCommand(firstName, lastName, company, email, phone, source, estimatedValue, notes, owner);
        }
    }
}
