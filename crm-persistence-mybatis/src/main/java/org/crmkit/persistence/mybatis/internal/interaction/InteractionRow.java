package org.crmkit.persistence.mybatis.internal.interaction;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_interaction}, flat, as the mapper reads and writes it. */
record InteractionRow(UUID id, long version, String type, UUID customerId, UUID leadId, Instant occurredAt,
                      Long durationSeconds, String direction, String subject, String summary, UUID staffId,
                      String outcome, Instant loggedAt) {
}
