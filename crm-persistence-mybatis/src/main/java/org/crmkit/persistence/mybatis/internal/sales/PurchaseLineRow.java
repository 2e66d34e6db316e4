package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of {@code crm_purchase_line}; the unit price in the purchase's currency. */
record PurchaseLineRow(UUID purchaseId, int lineNumber, UUID productId, int quantity, BigDecimal unitPrice,
                       int returned) {
}
