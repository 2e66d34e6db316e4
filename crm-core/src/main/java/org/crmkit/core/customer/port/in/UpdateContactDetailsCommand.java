package org.crmkit.core.customer.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.Optional;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.shared.CustomerId;

/**
 * Changes some of a customer's contact and personal details; what the command does not name stays as it is. Build
 * it with {@link #of(CustomerId, long)}: {@code UpdateContactDetailsCommand.of(id, version).email("jane@example.org")
 * .phone(null).build()} changes the email, removes the phone and keeps the rest. The version the caller read is
 * required, and a stale one is a conflict.
 *
 * <p>In the record, a {@code null} component means "unchanged"; an optional detail is an {@link Optional}, empty to
 * remove it.
 *
 * @param customerId      the customer
 * @param expectedVersion the version the caller read
 * @param firstName       new given name, or {@code null} to keep it
 * @param lastName        new family name, or {@code null} to keep it
 * @param email           new email address, or {@code null} to keep it
 * @param phone           new phone number, empty to remove it, or {@code null} to keep it
 * @param address         new postal address, empty to remove it, or {@code null} to keep it
 * @param dateOfBirth     new date of birth (from 1000-01-01 to today, the clock's day in UTC), empty to remove it, or
 *                        {@code null} to keep it
 * @param gender          new gender, empty to remove it, or {@code null} to keep it
 */
public record UpdateContactDetailsCommand(
        @NotNull CustomerId customerId,
        @NotNull @PositiveOrZero Long expectedVersion,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String firstName,
        @Size(min = 1, max = 200) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String lastName,
        @Size(min = 1, max = 254) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String email,
        Optional<@Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*",
                message = "may hold only digits, spaces and + ( ) . - /") String> phone,
        Optional<@Valid AddressData> address,
        Optional<LocalDate> dateOfBirth,
        Optional<Gender> gender) {

    /**
     * @param customerId      the customer
     * @param expectedVersion the version the caller read
     * @return a builder that changes nothing until a detail is named
     */
    public static Builder of(CustomerId customerId, long expectedVersion) {
        return new Builder(customerId, expectedVersion);
    }

    /** @return whether the command names no detail to change */
    public boolean changesNothing() {
        return firstName == null && lastName == null && email == null && phone == null && address == null
                && dateOfBirth == null && gender == null;
    }

    /** Names, one at a time, the details that change; {@code null} removes an optional detail. */
    public static final class Builder {
        private final CustomerId customerId;
        private final long expectedVersion;
        private String firstName;
        private String lastName;
        private String email;
        private Optional<String> phone;
        private Optional<AddressData> address;
        private Optional<LocalDate> dateOfBirth;
        private Optional<Gender> gender;

        private Builder(CustomerId customerId, long expectedVersion) {
            this.customerId = customerId;
            this.expectedVersion = expectedVersion;
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

        /** @param email the new email address @return this builder */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** @param phone the new phone number, or {@code null} to remove it @return this builder */
        public Builder phone(String phone) {
            this.phone = Optional.ofNullable(phone);
            return this;
        }

        /** @param address the new postal address, or {@code null} to remove it @return this builder */
        public Builder address(AddressData address) {
            this.address = Optional.ofNullable(address);
            return this;
        }

        /** @param dateOfBirth the new date of birth, or {@code null} to remove it @return this builder */
        public Builder dateOfBirth(LocalDate dateOfBirth) {
            this.dateOfBirth = Optional.ofNullable(dateOfBirth);
            return this;
        }

        /** @param gender the new gender, or {@code null} to remove it @return this builder */
        public Builder gender(Gender gender) {
            this.gender = Optional.ofNullable(gender);
            return this;
        }

        /** @return the command */
        public UpdateContactDetailsCommand build() {
            return new UpdateContactDetailsCommand(customerId, expectedVersion, firstName, lastName, email, phone,
                    address, dateOfBirth, gender);
        }
    }
}
