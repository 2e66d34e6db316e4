package org.crmkit.persistence.mybatis.internal.product;

import java.util.Currency;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.ProductStatus;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/** The explicit mapping between a product snapshot and its row; no reflection on domain objects. */
final class ProductRows {
    private ProductRows() {
    }

    static ProductRow toRow(ProductSnapshot s) {
        return new ProductRow(s.id().value(), s.version(), s.sku(), s.name(), s.nameKey(), s.description(),
                s.category() == null ? null : s.category().value(), s.listPrice().amount(),
                s.listPrice().currency().getCurrencyCode(), s.status().name(), s.createdAt(), s.updatedAt());
    }

    static ProductSnapshot toSnapshot(ProductRow r) {
        // DECIMAL(19,4) reads back with four decimals; Money normalizes them to the currency's digits again
        return new ProductSnapshot(new ProductId(r.id()), r.version(), r.sku(), r.name(), r.description(),
                r.categoryId() == null ? null : new CategoryId(r.categoryId()),
                new Money(r.listPrice(), Currency.getInstance(r.currency())), ProductStatus.valueOf(r.status()),
                r.createdAt(), r.updatedAt());
    }
}
