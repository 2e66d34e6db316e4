package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.ProductId;

/**
 * Changes a product's name and description.
 *
 * @param productId       the product
 * @param name            1 to 200 characters
 * @param description     optional, up to 2000 characters; {@code null} clears it
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record UpdateProductCommand(@NotNull ProductId productId, @NotBlank @Size(max = 400) String name,
                                   @Size(max = 4000) String description, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param productId   the product
     * @param name        1 to 200 characters
     * @param description optional, up to 2000 characters; {@code null} clears it
     */
    public UpdateProductCommand(ProductId productId, String name, String description) {
        this(productId, name, description, null);
    }
}
