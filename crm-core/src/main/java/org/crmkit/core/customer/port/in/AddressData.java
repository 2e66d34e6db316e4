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

    /**
     * Required: {@code line1}, {@code city} and {@code countryCode}; the use case names every missing or bad field at
     * once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AddressData} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String line1;
        private String line2;
        private String postalCode;
        private String city;
        private String region;
        private String countryCode;

        private Builder() {
        }

        /** @param line1 street and number @return this builder */
        public Builder line1(String line1) {
            this.line1 = line1;
            return this;
        }

        /** @param line2 optional second line @return this builder */
        public Builder line2(String line2) {
            this.line2 = line2;
            return this;
        }

        /** @param postalCode optional postal code @return this builder */
        public Builder postalCode(String postalCode) {
            this.postalCode = postalCode;
            return this;
        }

        /** @param city city @return this builder */
        public Builder city(String city) {
            this.city = city;
            return this;
        }

        /** @param region optional state or region @return this builder */
        public Builder region(String region) {
            this.region = region;
            return this;
        }

        /** @param countryCode ISO 3166-1 alpha-2 code, such as {@code "DE"} @return this builder */
        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        /** @return the value (the use case checks it, naming every bad or missing field at once) */
        public AddressData build() {
            return new AddressData(line1, line2, postalCode, city, region, countryCode);
        }
    }
}
