package org.crmkit.persistence.mybatis.internal.lead;

import java.util.UUID;

/** One row of {@code crm_lead_score_reason}. */
record ScoreReasonRow(UUID leadId, int position, String rule, int points, String detail) {
}
