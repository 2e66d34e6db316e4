package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of {@code crm_purchase_return_line}, as inserted; the refund in the purchase's currency. */
record ReturnLineRow(UUID returnId, int lineNumber, int quantity, BigDecimal refund) {
}
