package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.product.ProductId;

/**
 * Retires a product.
 *
 * @param productId       the product
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record RetireProductCommand(@NotNull ProductId productId, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param productId the product
     */
    public RetireProductCommand(ProductId productId) {
        this(productId, null);
    }
}
