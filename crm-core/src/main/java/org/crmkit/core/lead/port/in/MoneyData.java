package org.crmkit.core.lead.port.in;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * An amount as a command carries it.
 *
 * @param amount   not negative, at most 15 integer digits and 4 decimals
 * @param currency ISO 4217 code
 */
public record MoneyData(@NotNull @PositiveOrZero @Digits(integer = 15, fraction = 4) BigDecimal amount,
                        @NotNull @Pattern(regexp = "[A-Za-z]{3}", message = "must be an ISO 4217 code") String currency) {

    /** @param amount decimal text @param currency ISO code @return the amount */
    public static MoneyData of(String amount, String currency) {
        return new MoneyData(new BigDecimal(amount), currency);
    }
}
