package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.UUID;

/** A missed, unclaimed target: the ticket, which target ({@code FIRST_RESPONSE} or {@code RESOLUTION}), its due. */
record BreachRow(UUID ticketId, String target, Instant dueAt) {
}
