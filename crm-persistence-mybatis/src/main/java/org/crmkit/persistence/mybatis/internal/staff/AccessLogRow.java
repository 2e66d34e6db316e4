package org.crmkit.persistence.mybatis.internal.staff;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_access_log}. */
record AccessLogRow(UUID id, Instant at, String event, String outcome, UUID accountId, String holderKind,
                    UUID holderId, String sourceAddress, String userAgent) {
}
