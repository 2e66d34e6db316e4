package org.crmkit.core.customer;

import java.util.Locale;
import java.util.regex.Pattern;
import org.crmkit.core.shared.InvalidValueException;

/**
 * A label on a customer, such as {@code vip} or {@code newsletter-2026}: trimmed, lower-cased, 1 to 50 characters of
 * letters, digits, {@code -}, {@code _} and {@code .}.
 *
 * @param value the normalized tag
 */
public record Tag(String value) {
    private static final Pattern SHAPE = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,49}$");

    /** Normalizes and checks the tag. */
    public Tag {
        if (value == null) {
            throw new InvalidValueException("tag", "must not be null");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (!SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("tag", "must be 1 to 50 letters, digits, '-', '_' or '.'");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
