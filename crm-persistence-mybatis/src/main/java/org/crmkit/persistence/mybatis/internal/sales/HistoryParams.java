package org.crmkit.persistence.mybatis.internal.sales;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of a customer's purchase history statement: the customer, the purchase to resume strictly after (time
 * and id of the previous page's last purchase, both {@code null} on the first page), and the page limit.
 */
record HistoryParams(UUID customerId, Instant afterAt, UUID afterId, int limit) {
}
