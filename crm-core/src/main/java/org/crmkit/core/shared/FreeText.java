package org.crmkit.core.shared;

/**
 * The check of a free text a person types or pastes (a message, terms, a reason): trimmed, blank taken as absent, at
 * most a number of characters counted in code points (what the storage's {@code utf8mb4} columns count), and no
 * control characters except line breaks and tabs.
 */
public final class FreeText {
    private FreeText() {
    }

    /**
     * @param field the field named in an error
     * @param text  the text as given, or {@code null}
     * @param max   the most characters (code points) allowed
     * @return the text trimmed, or {@code null} when it is {@code null} or blank
     * @throws InvalidValueException naming the field, when too long or holding control characters other than line
     *                               breaks and tabs
     */
    public static String optional(String field, String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field, "must not contain control characters other than line breaks "
                    + "and tabs");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > max) {
            throw new InvalidValueException(field, "must be at most " + max + " characters");
        }
        return trimmed;
    }
}
