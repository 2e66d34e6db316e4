package org.crmkit.persistence.mybatis.internal.interaction;

import java.time.Instant;
import java.util.UUID;

/** Parameters of a timeline: whose (a customer or a lead), where to resume, how many. */
record TimelineParams(UUID customerId, UUID leadId, Instant afterAt, UUID afterId, int limit) {
}
