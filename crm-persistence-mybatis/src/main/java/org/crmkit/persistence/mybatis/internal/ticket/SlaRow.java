package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.UUID;

/** The SLA columns of one row of {@code crm_ticket}: what a scan of pending tickets reads, no text. */
record SlaRow(UUID id, String priority, String status, long firstResponseTargetS, long resolutionTargetS,
              Instant firstResponseDueAt, Instant firstRespondedAt, Instant resolutionDueAt, Instant resolvedAt) {
}
