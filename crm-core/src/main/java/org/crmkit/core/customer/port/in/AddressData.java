package org.crmkit.core.customer.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A postal address as a host submits it.
 *
 * @param line1       street and number
 * @param line2       optional second line
 * @param postalCode  optional postal code
 * @param city        city
 * @param region      optional state or region
 * @param countryCode ISO 3166-1 alpha-2 code, such as {@code "DE"}
 */
public record AddressData(
        @NotBlank @Size(max = 200) String line1,
        @Size(max = 200) String line2,
        @Size(max = 20) String postalCode,
        @NotBlank @Size(max = 100) String city,
        @Size(max = 100) String region,
        @NotBlank @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String countryCode) {
}
