package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.crmkit.core.product.ProductId;

/**
 * Sets a product's list price.
 *
 * @param productId       the product
 * @param listPrice       the new price, not negative
 * @param currency        ISO 4217 code of the price
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record RepriceProductCommand(@NotNull ProductId productId, @NotNull BigDecimal listPrice,
                                    @NotBlank @Size(min = 3, max = 3) String currency,
                                    @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param productId the product
     * @param listPrice the new price, not negative
     * @param currency  ISO 4217 code of the price
     */
    public RepriceProductCommand(ProductId productId, BigDecimal listPrice, String currency) {
        this(productId, listPrice, currency, null);
    }
}
