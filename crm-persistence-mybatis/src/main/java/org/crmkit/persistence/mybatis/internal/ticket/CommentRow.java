package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_ticket_comment}. */
record CommentRow(UUID id, UUID ticketId, int position, boolean internal, String body, String authorType,
                  String authorRef, Instant createdAt) {
}
