package org.crmkit.core.product.port.out;

import java.util.Objects;
import java.util.Set;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductId;

/**
 * What a product search filters and where it resumes; every filter optional. Ordered by the folded name (code
 * points), then id (unsigned bytes).
 *
 * @param textPrefix a folded prefix of the name, or an upper-case prefix of the SKU
 * @param categories only products in one of these categories (a category and its descendants); {@code null} for any
 * @param status     only products in this status
 * @param after      resume strictly after this position, or {@code null}
 */
public record ProductSearchCriteria(String textPrefix, Set<CategoryId> categories, ProductStatus status,
                                    Position after) {
    /** Copies the categories. */
    public ProductSearchCriteria {
        categories = categories == null ? null : Set.copyOf(categories);
    }

    /**
     * The last product of the previous page.
     *
     * @param nameKey its folded name
     * @param id      its id
     */
    public record Position(String nameKey, ProductId id) {
        /** Checks presence. */
        public Position {
            Objects.requireNonNull(nameKey, "nameKey");
            Objects.requireNonNull(id, "id");
        }
    }

    /** @param p a stored product @return whether it passes the filters (not the position) */
    public boolean matches(ProductSnapshot p) {
        return (textPrefix == null || p.nameKey().startsWith(textPrefix)
                || p.sku().startsWith(textPrefix.toUpperCase(java.util.Locale.ROOT)))
                && (categories == null || p.category() != null && categories.contains(p.category()))
                && (status == null || status == p.status());
    }
}
