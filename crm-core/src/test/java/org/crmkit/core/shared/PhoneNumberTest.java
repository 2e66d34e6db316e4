package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PhoneNumberTest {

    @ParameterizedTest(name = "[{index}] \"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
            "+41 44 668 18 00       | +41446681800",
            "0041-44-668-18-00      | +41446681800",
            "0041 44 668 18 00      | +41446681800",
            "+41.44.668.18.00       | +41446681800",
            "'  +41446681800  '     | +41446681800",
            "+1 (415) 555-0100      | +14155550100",
            "001 415 555 0100       | +14155550100",
            "+44 20 7946 0958       | +442079460958",
            "+49/30/1234567         | +49301234567",
            "+81 3-1234-5678        | +81312345678",
            "+86 138 1234 5678      | +8613812345678",
            "+39 06 1234 5678       | +390612345678"})
    void parsesInternationalSpellingsToE164(String typed, String e164) {
        assertThat(PhoneNumber.parse(typed).value()).isEqualTo(e164);
    }

    @Test
    void twoSpellingsOfOneNumberAreEqual() {
        assertThat(PhoneNumber.parse("+41 44 668 18 00")).isEqualTo(PhoneNumber.parse("0041446681800"))
                .isEqualTo(new PhoneNumber("+41446681800"));
        assertThat(PhoneNumber.parse("+41 44 668 18 00")).hasToString("+41446681800");
    }

    @Test
    void acceptsEightToFifteenDigits() {
        assertThat(PhoneNumber.parse("+1234 5678").value()).isEqualTo("+12345678");
        assertThat(PhoneNumber.parse("+123 456 789 012 345").value()).isEqualTo("+123456789012345");
        assertThatThrownBy(() -> PhoneNumber.parse("+123 4567")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> PhoneNumber.parse("+123 456 789 012 3456")).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"044 668 18 00", "446681800", "+0 44 668 18 00", "00 0 44 668 18 00", "41+446681800",
            "++41446681800", "+41 44 CALL ME", "+41 44 668 18 00 ext 5", "+41#446681800", "", "   ", "+", "0041"})
    void refusesNationalNumbersLettersAndMisplacedPlusNamingThePhone(String typed) {
        assertThatThrownBy(() -> PhoneNumber.parse(typed))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("phone"));
    }

    @Test
    void refusesNullAndANonE164Value() {
        assertThatThrownBy(() -> PhoneNumber.parse(null)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PhoneNumber("0041446681800")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new PhoneNumber("+41 44 668 18 00")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void refusesTheNationalTrunkPrefixInParenthesesRatherThanKeepingItsZero() {
        assertThatThrownBy(() -> PhoneNumber.parse("+41 (0)44 668 18 00"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("phone");
                    assertThat(e.getMessage()).contains("(0)");
                });
        assertThat(PhoneNumber.parse("+1 (415) 555-0100").value()).isEqualTo("+14155550100");
    }
}
