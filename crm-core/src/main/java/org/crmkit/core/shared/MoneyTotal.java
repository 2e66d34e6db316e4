package org.crmkit.core.shared;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * A sum of stored amounts in one currency, such as what a customer spent over all their purchases. Each amount it
 * adds up is a {@link Money} (below 10^15); the sum is not stored, so it is not bounded by what one stored amount may
 * hold and is read exactly as it grows past it. Normalized as {@link Money} is (at most four decimal places, at
 * least the currency's own number of digits), so that {@code 10} and {@code 10.00} EUR are equal.
 *
 * @param amount   the sum; at most 4 decimal places (and 61 integer digits, which no sum of stored amounts reaches)
 * @param currency the ISO 4217 currency
 */
public record MoneyTotal(BigDecimal amount, Currency currency) {
    /** Far more than any sum of stored amounts reaches, and what {@code DECIMAL(65,4)} holds. */
    private static final int MAX_INTEGER_DIGITS = 61;

    /**
     * Normalizes the scale.
     *
     * @throws InvalidValueException when either is missing or the amount has more than 4 decimal places or more than
     *                               61 integer digits
     */
    public MoneyTotal {
        amount = Money.normalized(amount, currency, MAX_INTEGER_DIGITS);
    }

    /** @param currency the currency @return nothing yet in that currency */
    public static MoneyTotal zero(Currency currency) {
        return new MoneyTotal(BigDecimal.ZERO, currency);
    }

    /**
     * @param amount       decimal text such as {@code "19.99"}
     * @param currencyCode ISO 4217 code such as {@code "EUR"}
     * @return the total
     */
    public static MoneyTotal of(String amount, String currencyCode) {
        return new MoneyTotal(Money.parse(amount), Currency.getInstance(currencyCode));
    }

    /**
     * @param money an amount in the same currency
     * @return the sum
     * @throws InvalidValueException ({@code currency}) when the currencies differ
     */
    public MoneyTotal plus(Money money) {
        Objects.requireNonNull(money, "money");
        if (!currency.equals(money.currency())) {
            throw new InvalidValueException("currency",
                    "mismatch: " + currency.getCurrencyCode() + " and " + money.currency().getCurrencyCode());
        }
        return new MoneyTotal(amount.add(money.amount()), currency);
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
