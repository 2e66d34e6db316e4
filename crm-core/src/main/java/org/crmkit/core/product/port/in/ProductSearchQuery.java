package org.crmkit.core.product.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * Filters of a product search, all optional, and the page.
 *
 * @param text       a prefix of the name (ignoring case and accents) or of the SKU
 * @param categoryId only products of this category and its descendants
 * @param status     only products in this status
 * @param page       size and cursor
 */
public record ProductSearchQuery(@Size(max = 200) String text, CategoryId categoryId, ProductStatus status,
                                 @NotNull @Valid PageRequest page) {

    /** @param size page size @return the first page of the whole catalog */
    public static ProductSearchQuery all(int size) {
        return new ProductSearchQuery(null, null, null, PageRequest.first(size));
    }

    /**
     * @param categoryId the category
     * @param size       page size
     * @return the first page of the category and its descendants, in any status
     */
    public static ProductSearchQuery inCategory(CategoryId categoryId, int size) {
        return new ProductSearchQuery(null, categoryId, null, PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public ProductSearchQuery next(Page<?> previous) {
        return new ProductSearchQuery(text, categoryId, status,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
