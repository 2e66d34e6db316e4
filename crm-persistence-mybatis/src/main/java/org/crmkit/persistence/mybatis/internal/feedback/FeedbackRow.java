package org.crmkit.persistence.mybatis.internal.feedback;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_feedback}, flat, as the mapper reads and writes it; the response in three columns. */
record FeedbackRow(UUID id, long version, UUID customerId, UUID purchaseId, UUID productId, int rating, String comment,
                   Instant givenAt, UUID givenBy, String responseText, UUID answeredBy, Instant answeredAt,
                   Instant erasedAt) {
}
