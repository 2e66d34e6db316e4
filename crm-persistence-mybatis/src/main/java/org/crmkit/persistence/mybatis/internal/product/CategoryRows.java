package org.crmkit.persistence.mybatis.internal.product;

import java.util.UUID;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.CategoryId;

/** The explicit mapping between a category snapshot and its row; no reflection on domain objects. */
final class CategoryRows {
    /** The parent key of a top-level category: 16 zero bytes, which no UUIDv7 is. */
    static final UUID TOP_LEVEL = new UUID(0L, 0L);

    private CategoryRows() {
    }

    static CategoryRow toRow(CategorySnapshot s) {
        UUID parent = s.parent() == null ? null : s.parent().value();
        return new CategoryRow(s.id().value(), s.version(), s.name(), s.nameKey(), parent,
                parent == null ? TOP_LEVEL : parent, s.createdAt(), s.updatedAt());
    }

    static CategorySnapshot toSnapshot(CategoryRow r) {
        return new CategorySnapshot(new CategoryId(r.id()), r.version(), r.name(),
                r.parentId() == null ? null : new CategoryId(r.parentId()), r.createdAt(), r.updatedAt());
    }
}
