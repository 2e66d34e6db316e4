package org.crmkit.core.product.domain;

import org.crmkit.core.shared.InvalidValueException;

/**
 * The checks every name and text of the catalog shares: trimmed, within a length, no control characters (a description
 * may hold line breaks and tabs).
 */
final class Names {
    static final int SHORT = 100;
    static final int LONG = 200;
    static final int DESCRIPTION = 2000;

    private Names() {
    }

    /**
     * @param field the field named in an error
     * @param text  the text
     * @param max   the most code points allowed
     * @return the trimmed text
     */
    static String check(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException(field, "must not be blank");
        }
        String trimmed = text.strip();
        boolean multiline = max >= DESCRIPTION;
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            throw new InvalidValueException(field, "must not contain control characters");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }
}
