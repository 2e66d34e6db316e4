package org.crmkit.core.feedback.internal.domain;

import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.internal.Texts;

/**
 * The checks a comment and a response share: trimmed, at most {@value #MAX_LENGTH} characters (code points), no
 * control characters except line breaks and tabs, no unpaired surrogates (a comment is a paragraph or two, typed or
 * pasted); the kernel's {@link Texts} check.
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
     * @throws InvalidValueException naming the field, when too long or holding control characters or unpaired
     *                               surrogates
     */
    public static String optional(String field, String text) {
        return Texts.optional(field, text, MAX_LENGTH, true);
    }

    /**
     * @param field the field named in an error
     * @param text  the text as typed
     * @return the text trimmed
     * @throws InvalidValueException naming the field, when blank, too long or holding control characters
     */
    public static String required(String field, String text) {
        return Texts.required(field, text, MAX_LENGTH, true);
    }
}
