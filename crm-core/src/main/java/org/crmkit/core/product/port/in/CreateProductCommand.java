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

    /**
     * Required: {@code sku}, {@code name}, {@code listPrice} and {@code currency}; the use case names every missing or
     * bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CreateProductCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String sku;
        private String name;
        private String description;
        private CategoryId categoryId;
        private BigDecimal listPrice;
        private String currency;

        private Builder() {
        }

        /** @param sku 1 to 64 letters, digits or {@code . _ / -}, unique (compared upper-cased) @return this builder */
        public Builder sku(String sku) {
            this.sku = sku;
            return this;
        }

        /** @param name 1 to 200 characters @return this builder */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** @param description optional, up to 2000 characters @return this builder */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param categoryId optional: an existing category @return this builder */
        public Builder categoryId(CategoryId categoryId) {
            this.categoryId = categoryId;
            return this;
        }

        /** @param listPrice the list price, not negative, at most 4 decimal places @return this builder */
        public Builder listPrice(BigDecimal listPrice) {
            this.listPrice = listPrice;
            return this;
        }

        /** @param currency ISO 4217 code of the price @return this builder */
        public Builder currency(String currency) {
            this.currency = currency;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public CreateProductCommand build() {
            return new CreateProductCommand(sku, name, description, categoryId, listPrice, currency);
        }
    }
}
