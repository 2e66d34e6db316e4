package org.crmkit.persistence.mybatis.internal.product;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of {@code crm_category}, flat, as the mapper reads and writes it. {@code parentKey} is the parent's id, or
 * {@link CategoryRows#TOP_LEVEL} for a top-level category: the NOT NULL half of the sibling-unique name index.
 */
record CategoryRow(UUID id, long version, String name, String nameKey, UUID parentId, UUID parentKey,
                   Instant createdAt, Instant updatedAt) {
}
