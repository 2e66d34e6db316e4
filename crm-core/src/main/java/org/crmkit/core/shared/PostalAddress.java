package org.crmkit.core.shared;

import java.util.Locale;
import java.util.Set;

/**
 * A postal address. The country is an ISO 3166-1 alpha-2 code (upper-cased); the other parts are trimmed, and
 * optional ones may be {@code null}.
 *
 * @param line1       street and number; required, at most 200 characters
 * @param line2       optional second line, at most 200 characters
 * @param postalCode  optional postal code, at most 20 characters
 * @param city        required, at most 100 characters
 * @param region      optional state or region, at most 100 characters
 * @param countryCode ISO 3166-1 alpha-2 code such as {@code "CH"}
 */
public record PostalAddress(String line1, String line2, String postalCode, String city, String region,
                            String countryCode) {
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    /** Trims and checks every part. */
    public PostalAddress {
        line1 = required("address.line1", line1, 200);
        line2 = optional("address.line2", line2, 200);
        postalCode = optional("address.postalCode", postalCode, 20);
        city = required("address.city", city, 100);
        region = optional("address.region", region, 100);
        if (countryCode == null || !COUNTRIES.contains(countryCode.strip().toUpperCase(Locale.ROOT))) {
            throw new InvalidValueException("address.countryCode", "must be an ISO 3166-1 alpha-2 country code");
        }
        countryCode = countryCode.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * @param code a two-letter code in any case
     * @return whether it is an ISO 3166-1 alpha-2 country code
     */
    public static boolean isCountryCode(String code) {
        return code != null && COUNTRIES.contains(code.strip().toUpperCase(Locale.ROOT));
    }

    private static String required(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return optional(field, value, max);
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }
}
