package org.crmkit.core.product.port.in;

import java.time.Instant;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/**
 * A product as hosts see it.
 *
 * @param id          the product
 * @param version     the version to pass as {@code expectedVersion}
 * @param sku         the SKU, upper case
 * @param name        the name
 * @param description the description, or {@code null}
 * @param category    the category, or {@code null}
 * @param listPrice   the list price
 * @param status      active or retired
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 */
public record ProductView(ProductId id, long version, String sku, String name, String description,
                          CategoryId category, Money listPrice, ProductStatus status, Instant createdAt,
                          Instant updatedAt) {
    /** @param s stored state @return its view */
    public static ProductView of(ProductSnapshot s) {
        return new ProductView(s.id(), s.version(), s.sku(), s.name(), s.description(), s.category(), s.listPrice(),
                s.status(), s.createdAt(), s.updatedAt());
    }

    /** @return whether the product is retired (no longer sold) */
    public boolean isRetired() {
        return status == ProductStatus.RETIRED;
    }
}
