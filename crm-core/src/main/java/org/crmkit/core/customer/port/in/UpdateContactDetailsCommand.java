package org.crmkit.core.customer.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.crmkit.core.customer.Gender;
import org.crmkit.core.shared.CustomerId;

/**
 * Replaces a customer's contact details, address and personal details (a form that was read, edited and sent
 * back): the version the caller read is required, and a stale one is a conflict.
 *
 * @param customerId      the customer
 * @param expectedVersion the version the caller read
 * @param firstName       given name
 * @param lastName        family name
 * @param email           email address
 * @param phone           optional phone number
 * @param address         optional postal address
 * @param dateOfBirth     optional, not in the future
 * @param gender          optional
 */
public record UpdateContactDetailsCommand(
        @NotNull CustomerId customerId,
        @NotNull @PositiveOrZero Long expectedVersion,
        @NotBlank @Size(max = 200) String firstName,
        @NotBlank @Size(max = 200) String lastName,
        @NotBlank @Size(max = 254) String email,
        @Size(max = 32) @Pattern(regexp = "[+0-9 ().\\-/]*", message = "may hold only digits, spaces and + ( ) . - /") String phone,
        @Valid AddressData address,
        LocalDate dateOfBirth,
        Gender gender) {
}
