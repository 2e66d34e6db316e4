package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_ticket_history}. */
record HistoryRow(UUID id, UUID ticketId, int position, String kind, String fromValue, String toValue, Instant at,
                  String byType, String byRef, String reason) {
}
