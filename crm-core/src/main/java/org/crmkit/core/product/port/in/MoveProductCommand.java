package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductId;

/**
 * Moves a product to another category, or out of any.
 *
 * @param productId       the product
 * @param categoryId      an existing category, or {@code null}
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record MoveProductCommand(@NotNull ProductId productId, CategoryId categoryId,
                                 @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param productId  the product
     * @param categoryId an existing category, or {@code null}
     */
    public MoveProductCommand(ProductId productId, CategoryId categoryId) {
        this(productId, categoryId, null);
    }
}
