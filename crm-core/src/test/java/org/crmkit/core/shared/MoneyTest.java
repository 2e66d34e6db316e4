package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {
    private static final Currency EUR = Currency.getInstance("EUR");

    @ParameterizedTest(name = "[{index}] {0} {1} -> {2}")
    @CsvSource({
            "10, EUR, 10.00",
            "10.0, EUR, 10.00",
            "10.5000, EUR, 10.50",
            "19.9999, EUR, 19.9999",
            "1E+3, EUR, 1000.00",
            "0.000, EUR, 0.00",
            "-3.1, EUR, -3.10",
            "100, JPY, 100",
            "100.0000, JPY, 100",
            "100.5, JPY, 100.5",
            "1, BHD, 1.000"})
    void normalizesTheScaleToAtLeastTheCurrencysDigits(String amount, String currency, String expected) {
        Money money = Money.of(amount, currency);
        assertThat(money.amount().toPlainString()).isEqualTo(expected);
        assertThat(money.amount().scale()).isEqualTo(new BigDecimal(expected).scale());
    }

    /**
     * A crafted amount of two hundred thousand digits (stripping its zeros took seconds) is refused before any
     * arithmetic, and decimal text longer than any amount is refused before it is parsed.
     */
    @Test
    void aCraftedHugeAmountIsRefusedUnexamined() {
        BigDecimal huge = new BigDecimal("1" + "0".repeat(200_000)).movePointLeft(200_000); // the value 1
        assertThatThrownBy(() -> new Money(huge, EUR)).isInstanceOfSatisfying(InvalidValueException.class,
                e -> assertThat(e.getMessage()).contains("at most 15 integer digits and 4 decimal places"));
        assertThatThrownBy(() -> Money.of("9".repeat(101), "EUR")).isInstanceOfSatisfying(
                InvalidValueException.class, e -> assertThat(e.getMessage()).contains("at most 100 characters"));
        assertThat(new Money(new BigDecimal("1." + "0".repeat(100)), EUR).amount())
                .as("a hundred trailing zeros are still judged by the value").isEqualByComparingTo("1");
    }

    @Test
    void equalAmountsInOtherScalesAreEqual() {
        assertThat(Money.of("10", "EUR")).isEqualTo(Money.of("10.00", "EUR")).isEqualTo(Money.of("10.0000", "EUR"))
                .hasSameHashCodeAs(new Money(new BigDecimal("1E+1"), EUR));
        assertThat(Money.of("10", "EUR")).isNotEqualTo(Money.of("10", "USD"));
        assertThat(Money.of("19.9", "EUR")).hasToString("19.90 EUR");
    }

    @Test
    void refusesMoreThanFourDecimalPlacesOrFifteenIntegerDigits() {
        assertThatThrownBy(() -> Money.of("0.00001", "EUR"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("1234567890123456", "EUR"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThat(Money.of("999999999999999.9999", "EUR").amount()).isEqualByComparingTo("999999999999999.9999");
        assertThat(Money.of("1.23450", "EUR").amount().toPlainString()).isEqualTo("1.2345");
        assertThatThrownBy(() -> new Money(new java.math.BigDecimal("1E+2147483647"), java.util.Currency
                .getInstance("EUR"))).as("an exponent that overflows int arithmetic")
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
    }

    @Test
    void refusesMissingOrMalformedParts() {
        assertThatThrownBy(() -> new Money(null, EUR))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currency"));
        assertThatThrownBy(() -> Money.of("ten", "EUR"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("amount"));
        assertThatThrownBy(() -> Money.of("10", "EURO"))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("currency"));
    }

    @Test
    void addsSubtractsAndMultipliesExactly() {
        assertThat(Money.of("0.1", "EUR").plus(Money.of("0.2", "EUR"))).isEqualTo(Money.of("0.30", "EUR"));
        assertThat(Money.of("5", "EUR").minus(Money.of("7.25", "EUR"))).isEqualTo(Money.of("-2.25", "EUR"));
        assertThat(Money.of("5", "EUR").minus(Money.of("7.25", "EUR")).isNegative()).isTrue();
        assertThat(Money.of("0", "EUR").isNegative()).isFalse();
        assertThat(Money.of("19.99", "EUR").times(3)).isEqualTo(Money.of("59.97", "EUR"));
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "EUR").plus(Money.of("1", "USD")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("currency");
                    assertThat(e.getMessage()).contains("EUR").contains("USD");
                });
        assertThatThrownBy(() -> Money.of("1", "CHF").minus(Money.of("1", "EUR")))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void aSumBeyondTheStoredRangeIsRefused() {
        Money large = Money.of("999999999999999", "EUR");
        assertThatThrownBy(() -> large.plus(Money.of("1", "EUR"))).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> large.times(10)).isInstanceOf(InvalidValueException.class);
    }
}
