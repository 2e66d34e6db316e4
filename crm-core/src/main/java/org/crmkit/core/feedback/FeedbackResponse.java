package org.crmkit.core.feedback;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.StaffId;

/**
 * Staff's answer to a feedback, given once and never changed (it is what the customer was told; a follow-up belongs in
 * a ticket).
 *
 * @param text        what was answered, or {@code null} once the customer was erased (it may address them by name)
 * @param respondedBy the staff user who answered, or {@code null} when the host's system process did (the audit trail
 *                    names the process)
 * @param respondedAt when
 */
public record FeedbackResponse(String text, StaffId respondedBy, Instant respondedAt) {
    /** Checks presence of the time. */
    public FeedbackResponse {
        Objects.requireNonNull(respondedAt, "respondedAt");
    }

    /** @return the same response without its text (erasure) */
    public FeedbackResponse withoutText() {
        return new FeedbackResponse(null, respondedBy, respondedAt);
    }
}
