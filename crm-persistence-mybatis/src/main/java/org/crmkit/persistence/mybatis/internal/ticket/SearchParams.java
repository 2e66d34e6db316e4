package org.crmkit.persistence.mybatis.internal.ticket;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The parameters of the ticket search statement and of the scan of pending tickets; {@code null} (or empty) means "no
 * filter". The search resumes after ({@code afterAt}, {@code afterId}), newest first; the scan after {@code afterId}
 * alone, in id order.
 */
record SearchParams(List<String> statuses, String priority, UUID assigneeId, UUID departmentId, UUID customerId,
                    String category, Instant breachedAsOf, Instant createdFrom, Instant createdBefore,
                    String textLike, UUID scopeCustomerId, UUID scopeAgentId, UUID scopeDepartmentId,
                    Instant afterAt, UUID afterId, int limit) {
}
