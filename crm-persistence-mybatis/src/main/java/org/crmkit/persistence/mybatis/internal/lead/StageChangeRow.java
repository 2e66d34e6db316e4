package org.crmkit.persistence.mybatis.internal.lead;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_lead_stage_change}. */
record StageChangeRow(UUID leadId, int sequence, String fromStage, String toStage, Instant changedAt,
                      String actorType, String actorRef, String reason) {
}
