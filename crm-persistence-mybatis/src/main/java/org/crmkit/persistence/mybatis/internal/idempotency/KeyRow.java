package org.crmkit.persistence.mybatis.internal.idempotency;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_idempotency_key}. */
record KeyRow(String operation, String caller, String requestKey, String fingerprint, UUID resultId,
              Instant claimedAt, UUID claimId) {
}
