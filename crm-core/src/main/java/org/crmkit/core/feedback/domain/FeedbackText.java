package org.crmkit.core.feedback.domain;

import org.crmkit.core.shared.InvalidValueException;

/**
 * The checks a comment and a response share: trimmed, at most {@value #MAX_LENGTH} characters (code points), no
 * control characters except line breaks and tabs (a comment is a paragraph or two, typed or pasted).
 */
public final class FeedbackText {
    /** The most characters (code points) a comment or a response may hold. */
    public static final int MAX_LENGTH = 2000;

    private FeedbackText() {
    }

    /**
     * @param field the field named in an error
     * @param text  the text as typed, or {@code null}
     * @return the text trimmed, or {@code null} when it is {@code null} or blank
     * @throws InvalidValueException naming the field, when too long or holding control characters
     */
    public static String optional(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        if (trimmed.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidValueException(field, "must not contain control characters other than line breaks "
                    + "and tabs");
        }
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_LENGTH) {
            throw new InvalidValueException(field, "must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed;
    }

    /**
     * @param field the field named in an error
     * @param text  the text as typed
     * @return the text trimmed
     * @throws InvalidValueException naming the field, when blank, too long or holding control characters
     */
    public static String required(String field, String text) {
        String checked = optional(field, text);
        if (checked == null) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return checked;
    }
}
