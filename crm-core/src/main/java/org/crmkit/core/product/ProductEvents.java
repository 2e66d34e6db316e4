package org.crmkit.core.product;

import java.time.Instant;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.DomainEvent;
import org.crmkit.core.product.ProductId;

/** The events of the product area: ids and names of changes only. */
public final class ProductEvents {
    private ProductEvents() {
    }

    /**
     * @param categoryId the category
     * @param change     {@code created}, {@code renamed} or {@code moved}
     * @param occurredAt when
     */
    public record CategoryChanged(CategoryId categoryId, String change, Instant occurredAt) implements DomainEvent {
    }

    /**
     * @param productId  the product
     * @param change     {@code created}, {@code updated}, {@code moved}, {@code repriced} or {@code retired}
     * @param occurredAt when
     */
    public record ProductChanged(ProductId productId, String change, Instant occurredAt) implements DomainEvent {
    }
}
