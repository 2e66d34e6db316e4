package org.crmkit.core.feedback.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.feedback.FeedbackId;

/**
 * Staff answer a feedback. A feedback is answered once; the response is final.
 *
 * @param feedbackId      the feedback
 * @param text            the response, up to 2,000 characters; line breaks and tabs allowed, no other control
 *                        characters, no unpaired surrogates
 * @param expectedVersion the version the caller read, or {@code null} to answer whatever is stored
 */
public record AnswerFeedbackCommand(@NotNull FeedbackId feedbackId, @NotBlank String text, Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param feedbackId the feedback
     * @param text       the response, up to 2,000 characters; line breaks and tabs allowed, no other control characters, no unpaired surrogates
     */
    public AnswerFeedbackCommand(FeedbackId feedbackId, String text) {
        this(feedbackId, text, null);
    }
}
