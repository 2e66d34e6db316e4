package org.crmkit.core.feedback.internal.application;

import org.crmkit.core.feedback.FeedbackSnapshot;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.feedback.port.in.FeedbackView;

/** Builds FeedbackViews from Feedbacks, so the view, which is API, names no domain type. */
final class FeedbackViews {
    private FeedbackViews() {
    }

    /** @param feedback a feedback @return its view */
    static FeedbackView of(Feedback feedback) {
        FeedbackSnapshot s = feedback.snapshot();
        return new FeedbackView(s.id(), s.version(), s.customer(), s.purchase(), s.product(), s.rating(), s.comment(),
                s.givenAt(), s.givenBy(), s.response(), s.erasedAt() != null);
    }
}
