package org.crmkit.persistence.mybatis.loyalty;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of a statement page: the customer, the entry to resume strictly after (time and id of the previous
 * page's last entry, both {@code null} on the first page), and the page limit.
 */
record EntryPageParams(UUID customerId, Instant afterAt, UUID afterId, int limit) {
}
