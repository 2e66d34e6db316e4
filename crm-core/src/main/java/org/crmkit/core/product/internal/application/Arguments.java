package org.crmkit.core.product.internal.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.ProductId;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param productId the product asked for */
    record ProductIdQuery(@NotNull ProductId productId) {
    }

    /** @param sku the SKU asked for */
    record SkuQuery(@NotBlank @Size(max = 200) String sku) {
    }

    /** @param skus the SKUs asked for */
    record SkusQuery(@NotNull @Size(min = 1, max = org.crmkit.core.product.port.in.Products.MOST_SKUS)
                     java.util.List<@NotNull String> skus) {
    }

    /** A query without arguments (only the actor is checked). */
    record NoQuery() {
    }
}
