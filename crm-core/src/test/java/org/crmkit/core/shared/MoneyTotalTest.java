package org.crmkit.core.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A sum of stored amounts: normalized as Money, exact past the largest stored amount, one currency only. */
class MoneyTotalTest {
    private static final Money LARGEST = Money.of("999999999999999.9999", "EUR");

    @Test
    void addsStoredAmountsExactlyPastTheLargestOneMoneyHolds() {
        MoneyTotal total = MoneyTotal.zero(LARGEST.currency()).plus(LARGEST).plus(LARGEST).plus(Money.of("0.0002",
                "EUR"));
        assertThat(total.amount()).isEqualByComparingTo(new BigDecimal("2000000000000000.0000"));
        assertThat(total).hasToString("2000000000000000.00 EUR");
    }

    @Test
    void isNormalizedAsMoneyIs() {
        assertThat(MoneyTotal.of("10", "EUR")).isEqualTo(MoneyTotal.of("10.00", "EUR"));
        assertThat(MoneyTotal.of("10", "EUR").amount().scale()).isEqualTo(2);
    }

    @Test
    void refusesAnotherCurrencyNamingIt() {
        assertThatThrownBy(() -> MoneyTotal.zero(LARGEST.currency()).plus(Money.of("1.00", "USD")))
                .isInstanceOf(InvalidValueException.class).hasMessageContaining("currency");
    }

    @Test
    void refusesMoreThanFourDecimalPlacesOrSixtyOneIntegerDigits() {
        assertThatThrownBy(() -> MoneyTotal.of("1.00001", "EUR")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> MoneyTotal.of("1" + "0".repeat(61), "EUR"))
                .isInstanceOf(InvalidValueException.class);
        assertThat(MoneyTotal.of("9".repeat(61), "EUR").amount().precision()).isEqualTo(63);
    }
}
