package org.crmkit.persistence.mybatis.internal.lead;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of the search statement. {@code sort} is the name of a {@code LeadSort} constant, chosen among fixed SQL
 * fragments by the mapper's {@code <choose>}, never placed into SQL.
 */
record LeadSearchParams(String textLike, String stage, UUID ownerId, String source, Integer minScore,
                        Integer maxScore, Instant createdFrom, Instant createdBefore, String sort,
                        Instant afterCreatedAt, Integer afterScore, UUID afterId, int limit) {
}
