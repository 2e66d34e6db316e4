package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.shared.StaffId;

/**
 * Changes some of a staff user's name and work email (the login follows the email); what the command does not name
 * stays as it is. Build it with {@link #of(StaffId)}: {@code UpdateStaffCommand.of(id).lastName("King").build()}.
 *
 * @param staffId         the user
 * @param firstName       new given name, or {@code null} to keep it
 * @param lastName        new family name, or {@code null} to keep it
 * @param workEmail       new work email, unique, or {@code null} to keep it
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record UpdateStaffCommand(@NotNull StaffId staffId,
                                 @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstName,
                                 @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lastName,
                                 @Size(min = 1, max = 254) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String workEmail,
                                 @PositiveOrZero Long expectedVersion) {

    /** Holds a character that is not white space (a {@code null} is "unchanged" and passes). */
    static final String NOT_BLANK = "(?s).*\\S.*";

    /** @param staffId the user @return a builder that changes nothing until a detail is named */
    public static Builder of(StaffId staffId) {
        return new Builder(staffId);
    }

    @Override
    public String toString() {
        return "UpdateStaffCommand[staffId=" + staffId + ", expectedVersion=" + expectedVersion + "]";
    }

    /** Names, one at a time, the details that change. */
    public static final class Builder {
        private final StaffId staffId;
        private String firstName;
        private String lastName;
        private String workEmail;
        private Long expectedVersion;

        private Builder(StaffId staffId) {
            this.staffId = staffId;
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

        /** @param workEmail the new work email @return this builder */
        public Builder workEmail(String workEmail) {
            this.workEmail = workEmail;
            return this;
        }

        /** @param expectedVersion the version the caller read @return this builder */
        public Builder expectedVersion(long expectedVersion) {
            this.expectedVersion = expectedVersion;
            return this;
        }

        /** @return the command */
        public UpdateStaffCommand build() {
            return new UpdateStaffCommand(staffId, firstName, lastName, workEmail, expectedVersion);
        }
    }
}
