package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_ticket} as the aggregate writes it (the breach notification columns aside). */
record TicketRow(UUID id, long version, UUID customerId, String subject, String subjectKey, String description,
                 String category, String priority, String channel, UUID purchaseId, UUID productId,
                 UUID relatedTicketId, String status, UUID assigneeId, UUID departmentId, long firstResponseTargetS,
                 long resolutionTargetS, Instant firstResponseDueAt, Instant firstRespondedAt,
                 Instant resolutionDueAt, Instant resolvedAt, Instant createdAt, Instant updatedAt) {
}
