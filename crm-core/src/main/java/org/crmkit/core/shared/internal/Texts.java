package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;


/**
 * The one check for free text typed by people (names, titles, comments, notes): trimmed, at most a number of
 * characters counted in code points (what {@code VARCHAR(n)} in {@code utf8mb4} counts), no control characters (a
 * multi-line text may hold line breaks and tabs) and no unpaired surrogate halves (which are no characters: MySQL
 * refuses or replaces them, so memory and MySQL would store different text).
 */
public final class Texts {

    private Texts() {
    }

    /**
     * @param field     the field named in an error
     * @param text      the text as typed, or {@code null}
     * @param maxLength the most characters (code points) allowed
     * @param multiline whether line breaks ({@code \n}, {@code \r}) and tabs are allowed
     * @return the text trimmed, or {@code null} when it is {@code null} or blank
     * @throws InvalidValueException naming the field, when it holds control characters or unpaired surrogates, or is
     *                               too long
     */
    public static String optional(String field, String text, int maxLength, boolean multiline) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        String problem = problem(trimmed, multiline);
        if (problem != null) {
            throw new InvalidValueException(field, problem);
        }
        if (trimmed.codePointCount(0, trimmed.length()) > maxLength) {
            throw new InvalidValueException(field, "must be at most " + maxLength + " characters");
        }
        return trimmed;
    }

    /**
     * The characters every text must do without: control characters (but line breaks and tabs in a multi-line text)
     * and unpaired surrogate halves.
     *
     * @param text      a text
     * @param multiline whether line breaks ({@code \n}, {@code \r}) and tabs are allowed
     * @return why the text breaks the rule, or {@code null} when it keeps it
     */
    public static String problem(String text, boolean multiline) {
        if (text.codePoints().anyMatch(c -> Character.isISOControl(c)
                && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            return multiline ? "must not contain control characters other than line breaks and tabs"
                    : "must not contain control characters";
        }
        // an unpaired half comes out of codePoints() as itself; a paired one as the supplementary code point
        if (text.codePoints().anyMatch(c -> c <= Character.MAX_VALUE && Character.isSurrogate((char) c))) {
            return "must not contain unpaired surrogate characters";
        }
        return null;
    }

    /**
     * @param field     the field named in an error
     * @param text      the text as typed
     * @param maxLength the most characters (code points) allowed
     * @param multiline whether line breaks and tabs are allowed
     * @return the text trimmed
     * @throws InvalidValueException naming the field, when blank, or as {@link #optional}
     */
    public static String required(String field, String text, int maxLength, boolean multiline) {
        String checked = optional(field, text, maxLength, multiline);
        if (checked == null) {
            throw new InvalidValueException(field, "must not be blank");
        }
        return checked;
    }
}
