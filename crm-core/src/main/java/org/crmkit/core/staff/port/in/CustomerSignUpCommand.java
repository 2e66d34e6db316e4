package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A visitor signs up as a customer with a password, with the token {@code accounts().requestSignUp} sent to their
 * email. The email is the customer's contact email and the login.
 *
 * @param token            the sign-up token delivered to the email
 * @param firstName        given name, 1 to 100 characters
 * @param lastName         family name, 1 to 100 characters
 * @param email            email address, the login
 * @param phone            optional international phone number; it becomes the customer's once they confirm the token
 *                         sent to it
 * @param marketingConsent whether consent to marketing is given now
 * @param password         12 to 128 characters, not the email, not a common password
 */
public record CustomerSignUpCommand(@NotBlank @Size(max = 200) String token,
                                    @NotBlank @Size(max = 200) String firstName,
                                    @NotBlank @Size(max = 200) String lastName,
                                    @NotBlank @Size(max = 254) String email,
                                    @Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*",
                                            message = "may hold only digits, spaces and + ( ) . - /") String phone,
                                    boolean marketingConsent,
                                    @NotNull @Size(max = 512) String password) {
    @Override
    public String toString() {
        return "CustomerSignUpCommand[personal data and password withheld]";
    }

    /**
     * Required: {@code token}, {@code firstName}, {@code lastName}, {@code email} and {@code password}; the use case
     * names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerSignUpCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String token;
        private String firstName;
        private String lastName;
        private String email;
        private String phone;
        private boolean marketingConsent;
        private String password;

        private Builder() {
        }

        /** @param token the sign-up token delivered to the email @return this builder */
        public Builder token(String token) {
            this.token = token;
            return this;
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

        /** @param email email address, the login @return this builder */
        public Builder email(String email) {
            this.email = email;
            return this;
        }

        /** @param phone optional international phone number @return this builder */
        public Builder phone(String phone) {
            this.phone = phone;
            return this;
        }

        /** @param marketingConsent whether consent to marketing is given now @return this builder */
        public Builder marketingConsent(boolean marketingConsent) {
            this.marketingConsent = marketingConsent;
            return this;
        }

        /** @param password 12 to 128 characters, not the email, not a common password @return this builder */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public CustomerSignUpCommand build() {
            return new CustomerSignUpCommand(token, firstName, lastName, email, phone, marketingConsent, password);
        }
    }
}
