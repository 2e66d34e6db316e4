package org.crmkit.persistence.mybatis.internal.customer;

import java.time.Instant;
import java.util.UUID;

/**
 * Parameters of the search statement. {@code sort} is the name of a {@code CustomerSort} constant, chosen among
 * fixed SQL fragments by the mapper's {@code <choose>}, never placed into SQL.
 */
record SearchParams(String textLike, String status, String tag, String countryCode, UUID accountManagerId,
                    Instant registeredFrom, Instant registeredBefore, String sort, String afterNameKey,
                    Instant afterRegisteredAt, UUID afterId, int limit) {
}
