package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of the access log search statement: optional filters, the entry to resume strictly after (time and id
 * of the previous page's last entry, both {@code null} on the first page), and the page limit.
 */
record AccessLogSearchParams(UUID accountId, Instant from, Instant before, Instant afterAt, UUID afterId,
                             int limit) {
}
