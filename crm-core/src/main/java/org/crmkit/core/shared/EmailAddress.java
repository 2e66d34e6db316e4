package org.crmkit.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, trimmed and lower-cased so that two spellings of one address compare equal. Checked against a
 * practical subset of RFC 5321: one {@code @}, a local part of at most 64 characters without spaces, a domain of
 * dot-separated labels with a top-level label of at least two letters, at most 254 characters in all.
 *
 * @param value the normalized address
 */
public record EmailAddress(String value) {
    private static final Pattern SHAPE = Pattern.compile(
            "^[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

    /** Normalizes and checks the address. */
    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("email", "must not be null");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.contains(".@")) {
            throw new InvalidValueException("email", "is not a valid email address");
        }
    }

    /** @param raw the address as typed @return the normalized address */
    public static EmailAddress of(String raw) {
        return new EmailAddress(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
