package org.crmkit.core.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in one currency that can be stored. Never a {@code double}: the amount is a {@link BigDecimal} with at
 * most four decimal places and at most {@value #MAX_INTEGER_DIGITS} integer digits, so below 10^15 in magnitude (the
 * storage holds {@code DECIMAL(19,4)}), normalized to at least the currency's own number of digits so that {@code 10}
 * and {@code 10.00} EUR are equal. Every amount an aggregate stores is a {@code Money}, so this bound is the storable
 * limit: an amount past it (a price, a line's amount, a purchase's total, a refund) is refused when it is made. A sum
 * over many stored amounts, which may pass it, is a {@link MoneyTotal}.
 *
 * @param amount   the amount; at most 15 integer digits and 4 decimal places
 * @param currency the ISO 4217 currency
 */
public record Money(BigDecimal amount, Currency currency) {
    /** Most integer digits of an amount: what {@code DECIMAL(19,4)} holds. */
    public static final int MAX_INTEGER_DIGITS = 15;
    private static final int MAX_SCALE = 4;
    /** The longest decimal text {@link #of(String, String)} reads. */
    private static final int MAX_TEXT_LENGTH = 100;
    /**
     * Bits of the unscaled value beyond any amount's reach (about 120 digits; a {@link MoneyTotal} holds at most 65,
     * about 216 bits): an amount with more digits than that, trailing zeros included, is refused unexamined.
     */
    private static final int MAX_UNSCALED_BITS = 400;

    /**
     * Normalizes the scale and checks the bounds.
     *
     * @throws InvalidValueException ({@code amount}) past 4 decimal places or {@value #MAX_INTEGER_DIGITS} integer
     *                               digits
     */
    public Money {
        amount = normalized(amount, currency, MAX_INTEGER_DIGITS);
    }

    /**
     * @param maxIntegerDigits the most integer digits allowed
     * @return the amount at the currency's scale, or at up to 4 decimals when it has more digits
     * @throws InvalidValueException when either is missing or the amount has more than 4 decimal places or more
     *                               integer digits than allowed
     */
    static BigDecimal normalized(BigDecimal amount, Currency currency, long maxIntegerDigits) {
        if (amount == null) {
            throw new InvalidValueException("amount", "must not be null");
        }
        if (currency == null) {
            throw new InvalidValueException("currency", "must not be null");
        }
        // before any arithmetic: stripping the zeros of a crafted number of a hundred thousand digits takes seconds
        if (amount.unscaledValue().bitLength() > MAX_UNSCALED_BITS) {
            throw new InvalidValueException("amount", "must have at most " + maxIntegerDigits
                    + " integer digits and " + MAX_SCALE + " decimal places");
        }
        BigDecimal stripped = amount.stripTrailingZeros();
        if (stripped.scale() > MAX_SCALE) {
            throw new InvalidValueException("amount", "must have at most " + MAX_SCALE + " decimal places");
        }
        // in long: an exponent such as 1E+2147483647 would overflow the int subtraction and slip through
        if ((long) stripped.precision() - stripped.scale() > maxIntegerDigits) {
            throw new InvalidValueException("amount", "must have at most " + maxIntegerDigits + " integer digits");
        }
        int scale = Math.max(Math.max(currency.getDefaultFractionDigits(), 0), Math.max(stripped.scale(), 0));
        return amount.setScale(scale, RoundingMode.UNNECESSARY);
    }

    /**
     * @param amount       decimal text such as {@code "19.99"}
     * @param currencyCode ISO 4217 code such as {@code "EUR"}
     * @return the money value
     */
    public static Money of(String amount, String currencyCode) {
        try {
            return new Money(parse(amount), Currency.getInstance(currencyCode));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("currency", "is not an ISO 4217 code");
        }
    }

    /**
     * @param amount decimal text
     * @return its value
     * @throws InvalidValueException ({@code amount}) when it is not a decimal number of at most
     *                               {@value #MAX_TEXT_LENGTH} characters (parsing a longer one costs time for nothing)
     */
    static BigDecimal parse(String amount) {
        if (amount == null || amount.length() > MAX_TEXT_LENGTH) {
            throw new InvalidValueException("amount", "must be a decimal number of at most " + MAX_TEXT_LENGTH
                    + " characters");
        }
        try {
            return new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new InvalidValueException("amount", "is not a decimal number");
        }
    }

    /**
     * @param field the field named in the error
     * @param code  an ISO 4217 code as a command carries it (surrounding spaces and lower case are accepted)
     * @return the currency
     * @throws InvalidValueException naming the field when no currency has that code
     */
    public static Currency currency(String field, String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException(field, "is not an ISO 4217 code");
        }
    }

    /**
     * An amount of a command's field: a refusal names that field rather than {@code amount}.
     *
     * @param field    the field named in an error, such as {@code "listPrice"}
     * @param amount   the amount
     * @param currency the currency
     * @return the money value
     * @throws InvalidValueException naming the field when the amount has too many digits
     */
    public static Money of(String field, BigDecimal amount, Currency currency) {
        try {
            return new Money(amount, currency);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, e.reason());
        }
    }

    /** @param other an amount in the same currency @return the sum */
    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    /** @param other an amount in the same currency @return the difference */
    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    /** @param factor a whole multiplier, such as a quantity @return the product */
    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    /** @return whether the amount is below zero */
    public boolean isNegative() {
        return amount.signum() < 0;
    }

    private void requireSameCurrency(Money other) {
        Objects.requireNonNull(other, "other");
        if (!currency.equals(other.currency)) {
            throw new InvalidValueException("currency",
                    "mismatch: " + currency.getCurrencyCode() + " and " + other.currency.getCurrencyCode());
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
