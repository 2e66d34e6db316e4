package org.crmkit.core.shared;

import java.util.regex.Pattern;

/**
 * A phone number in E.164 form: {@code +}, a country code and the subscriber number, 8 to 15 digits in all, the
 * first not zero. {@link #parse(String)} accepts the usual international spellings ({@code +41 44 668 18 00},
 * {@code 0041-44-668-18-00}, {@code +1 (415) 555-0100}) and removes spaces, dots, dashes and parentheses, so two
 * spellings of one number compare equal. National numbers without a country code are refused: crmkit does not guess
 * a region (see docs/adr/0003-phone-numbers.md).
 *
 * @param value the number in E.164 form
 */
public record PhoneNumber(String value) {
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern TYPED = Pattern.compile("^[+0-9 ().\\-/]+$");

    /** Checks the E.164 form. */
    public PhoneNumber {
        if (value == null || !E164.matcher(value).matches()) {
            throw new InvalidValueException("phone", "must be an international number in E.164 form, such as +41446681800");
        }
    }

    /**
     * @param raw the number as typed, with a leading {@code +} or {@code 00}
     * @return the normalized number
     */
    public static PhoneNumber parse(String raw) {
        if (raw == null || !TYPED.matcher(raw.strip()).matches()) {
            throw new InvalidValueException("phone", "may hold only digits, spaces, + ( ) . - /");
        }
        if (raw.replace(" ", "").contains("(0)")) {
            throw new InvalidValueException("phone",
                    "must not hold the national trunk prefix (0); write +41 44 668 18 00, not +41 (0)44 668 18 00");
        }
        String digits = raw.strip().replaceAll("[ ().\\-/]", "");
        if (digits.startsWith("00")) {
            digits = "+" + digits.substring(2);
        }
        if (digits.indexOf('+', 1) >= 0) {
            throw new InvalidValueException("phone", "may hold + only at the start");
        }
        return new PhoneNumber(digits);
    }

    @Override
    public String toString() {
        return value;
    }
}
