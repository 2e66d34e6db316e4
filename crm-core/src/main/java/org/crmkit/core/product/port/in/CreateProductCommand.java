package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.crmkit.core.product.CategoryId;

/**
 * Creates a product.
 *
 * @param sku         1 to 64 letters, digits or {@code . _ / -}, unique (compared upper-cased)
 * @param name        1 to 200 characters
 * @param description optional, up to 2000 characters
 * @param categoryId  optional: an existing category
 * @param listPrice   the list price, not negative, at most 4 decimal places
 * @param currency    ISO 4217 code of the price
 */
public record CreateProductCommand(@NotBlank @Size(max = 200) String sku, @NotBlank @Size(max = 400) String name,
                                   @Size(max = 4000) String description, CategoryId categoryId,
                                   @NotNull BigDecimal listPrice, @NotBlank @Size(min = 3, max = 3) String currency) {
}
