package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A visitor signs up as a customer with a password. The email is the customer's contact email and the login.
 *
 * @param firstName        given name, 1 to 100 characters
 * @param lastName         family name, 1 to 100 characters
 * @param email            email address, the login
 * @param phone            optional international phone number
 * @param marketingConsent whether consent to marketing is given now
 * @param password         12 to 128 characters, not the email, not a common password
 */
public record CustomerSignUpCommand(@NotBlank @Size(max = 200) String firstName,
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
}
