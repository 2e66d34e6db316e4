package org.crmkit.persistence.mybatis.internal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of the audit search statement: optional filters, the entry to resume strictly after (time and id of the
 * previous page's last entry, both {@code null} on the first page), and the page limit.
 */
record SearchParams(String actorType, String actorRef, String action, String targetType, UUID targetId,
                    Instant from, Instant before, String outcome, Instant afterAt, UUID afterId, int limit) {
}
