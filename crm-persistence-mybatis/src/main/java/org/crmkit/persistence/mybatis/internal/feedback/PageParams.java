package org.crmkit.persistence.mybatis.internal.feedback;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of a page of feedback: the customer or product it is filtered by (or neither, for the unanswered queue),
 * the feedback to resume strictly after (time and id of the previous page's last item, both {@code null} on the first
 * page), and the page limit.
 */
record PageParams(UUID customerId, UUID productId, Instant afterAt, UUID afterId, int limit) {
}
