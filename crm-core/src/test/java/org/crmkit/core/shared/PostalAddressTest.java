package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostalAddressTest {

    @Test
    void trimsEveryPartUpperCasesTheCountryAndDropsBlankOptionalParts() {
        PostalAddress address = new PostalAddress(" 1 Main Street ", "   ", " 8001 ", " Zürich ", "", " ch ");
        assertThat(address).isEqualTo(new PostalAddress("1 Main Street", null, "8001", "Zürich", null, "CH"));
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @NullSource
    @ValueSource(strings = {"XX", "ZZ", "CHE", "C", "", "  ", "1A", "UK"})
    void refusesWhatIsNotAnIsoAlpha2Country(String country) {
        assertThatThrownBy(() -> new PostalAddress("1 Main Street", null, null, "Zürich", null, country))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("address.countryCode"));
        assertThat(PostalAddress.isCountryCode(country)).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"CH", "de", "Us", "GB", "JP", "BR"})
    void acceptsIsoCountriesInAnyCase(String country) {
        assertThat(PostalAddress.isCountryCode(country)).isTrue();
        assertThat(new PostalAddress("1 Main Street", null, null, "City", null, country).countryCode())
                .isEqualTo(country.toUpperCase(java.util.Locale.ROOT));
    }

    @Test
    void requiresLineOneAndCityNamingTheField() {
        assertThatThrownBy(() -> new PostalAddress(" ", null, null, "Zürich", null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.line1"));
        assertThatThrownBy(() -> new PostalAddress("1 Main Street", null, null, null, null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.city"));
    }

    @Test
    void limitsTheLengthOfEveryPart() {
        assertThat(new PostalAddress("l".repeat(200), "m".repeat(200), "p".repeat(20), "c".repeat(100), "r".repeat(100),
                "CH").line1()).hasSize(200);
        assertThatThrownBy(() -> new PostalAddress("l".repeat(201), null, null, "City", null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.line1"));
        assertThatThrownBy(() -> new PostalAddress("1 Main", "m".repeat(201), null, "City", null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.line2"));
        assertThatThrownBy(() -> new PostalAddress("1 Main", null, "p".repeat(21), "City", null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class,
                        e -> assertThat(e.field()).isEqualTo("address.postalCode"));
        assertThatThrownBy(() -> new PostalAddress("1 Main", null, null, "c".repeat(101), null, "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.city"));
        assertThatThrownBy(() -> new PostalAddress("1 Main", null, null, "City", "r".repeat(101), "CH"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("address.region"));
    }
}
