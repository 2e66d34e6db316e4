package org.crmkit.persistence.mybatis.internal.product;

import java.util.List;
import java.util.UUID;

/**
 * Parameters of the product search statement: the name key pattern and the SKU pattern (LIKE patterns escaped with
 * {@code !}; the SKU one {@code null} when the upper-cased prefix is not ASCII, so matches no SKU), the categories to
 * look in ({@code null} for any, never empty), the status, the position to resume strictly after (name key and id of
 * the previous page's last product, both {@code null} on the first page), and the page limit.
 */
record ProductSearchParams(String nameLike, String skuLike, List<UUID> categoryIds, String status,
                           String afterNameKey, UUID afterId, int limit) {
}
