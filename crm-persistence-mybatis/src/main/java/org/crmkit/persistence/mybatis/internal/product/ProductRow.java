package org.crmkit.persistence.mybatis.internal.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code crm_product}, flat, as the mapper reads and writes it; the list price in two columns. */
record ProductRow(UUID id, long version, String sku, String name, String nameKey, String description,
                  UUID categoryId, BigDecimal listPrice, String currency, String status, Instant createdAt,
                  Instant updatedAt) {
}
