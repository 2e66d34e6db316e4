package org.crmkit.core.feedback.internal.application;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.feedback.FeedbackId;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param feedbackId the feedback asked for */
    record FeedbackIdQuery(@NotNull FeedbackId feedbackId) {
    }
}
