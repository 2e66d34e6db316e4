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

    /**
     * Required: {@code firstName}, {@code lastName}, {@code workEmail} and {@code roles}; the use case names every
     * missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateStaffCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String firstName;
        private String lastName;
        private String workEmail;
        private DepartmentId departmentId;
        private Set<String> roles;
        private String initialPassword;

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

        /** @param workEmail work email, unique, the login @return this builder */
        public Builder workEmail(String workEmail) {
            this.workEmail = workEmail;
            return this;
        }

        /** @param departmentId optional: an active department @return this builder */
        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        /** @param roles role names ({@code ADMIN}, {@code SALES_REP}, ...), possibly none @return this builder */
        public Builder roles(Set<String> roles) {
            this.roles = roles;
            return this;
        }

        /**
         * @param initialPassword optional: a first password; without one the user sets it through a password reset
         * @return this builder
         */
        public Builder initialPassword(String initialPassword) {
            this.initialPassword = initialPassword;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public CreateStaffCommand build() {
            return new CreateStaffCommand(firstName, lastName, workEmail, departmentId, roles, initialPassword);
        }
    }
}
