package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Test
    void trimsAndLowerCasesSoThatTwoSpellingsOfOneAddressAreEqual() {
        EmailAddress typed = EmailAddress.of("  Ada.Lovelace@Example.ORG \t");
        assertThat(typed.value()).isEqualTo("ada.lovelace@example.org");
        assertThat(typed).isEqualTo(EmailAddress.of("ada.lovelace@example.org"));
        assertThat(typed).hasSameHashCodeAs(EmailAddress.of("ADA.LOVELACE@EXAMPLE.ORG"));
        assertThat(typed).hasToString("ada.lovelace@example.org");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"a+tag@sub.example.co.uk", "o'brien@example.ie", "x@example.museum", "first_last@ex-ample.org",
            "1234@123.example.com", "a!#$%&*/=?^`{|}~-@example.org"})
    void acceptsTheUsualShapes(String address) {
        assertThat(EmailAddress.of(address).value()).isEqualTo(address);
    }

    @Test
    void acceptsALocalPartOf64AndAnAddressOf254CharactersButNoMore() {
        String domain = "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(57) + ".org";
        String longest = "l".repeat(64) + "@" + domain;
        assertThat(longest).hasSize(254);
        assertThat(EmailAddress.of(longest).value()).isEqualTo(longest);

        String tooLong = "l".repeat(64) + "@" + "a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(58) + ".org";
        assertThat(tooLong).hasSize(255);
        assertThatThrownBy(() -> EmailAddress.of(tooLong)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> EmailAddress.of("l".repeat(65) + "@example.org")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"", "   ", "plainaddress", "ada@", "@example.org", "ada@example", "ada@@example.org",
            "ada lovelace@example.org", ".ada@example.org", "ada..lovelace@example.org", "ada.@example.org",
            "ada@exam_ple.org", "ada@-example.org", "ada@example-.org", "ada@example.o", "ada@example.org.",
            "ädä@example.org", "ada@example.123", "ada@[127.0.0.1]", "ada@ex..ample.org"})
    void refusesAnythingElseNamingTheFieldButNotTheValue(String address) {
        assertThatThrownBy(() -> EmailAddress.of(address))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("email");
                    assertThat(e.code()).isEqualTo("invalid_value");
                    if (!address.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(address.strip());
                    }
                });
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> new EmailAddress(null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("email"));
    }
}
