package org.crmkit.core.shared;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A person's first and last name, each trimmed, non-blank, at most 100 characters and free of control characters.
 * Any script and emoji are fine.
 *
 * @param first the first (given) name
 * @param last  the last (family) name
 */
public record PersonName(String first, String last) {
    /** Longest name part accepted. */
    public static final int MAX_LENGTH = 100;
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /** Trims and checks both parts. */
    public PersonName {
        first = check("firstName", first);
        last = check("lastName", last);
    }

    private static String check(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        String trimmed = value.strip();
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    /**
     * The key names are sorted and matched by: last name, a space, first name, {@linkplain #fold folded}. Comparing
     * keys by code point gives the same order in memory and in the database (binary collation).
     *
     * @return the sort key
     */
    public String sortKey() {
        return fold(last + " " + first);
    }

    /**
     * Folds text for sorting and prefix search: accents removed (canonical decomposition, combining marks dropped),
     * then lower-cased in the root locale, so that "Ångström" sorts among the A's and "zoe" finds "Zoë".
     *
     * @param text any text
     * @return the folded text
     */
    public static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String stripped = COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        // recompose what decomposition split without marks (Hangul syllables), so a key is never longer than its text
        return Normalizer.normalize(stripped, Normalizer.Form.NFC);
    }

    /** @return first and last name joined by a space */
    public String fullName() {
        return first + " " + last;
    }
}
