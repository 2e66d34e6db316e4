package org.crmkit.persistence.mybatis.internal.quote;

import java.math.BigDecimal;
import java.util.UUID;

/** One row of {@code crm_quote_line}; the unit price in the quote's currency, {@code null} until answered. */
record QuoteLineRow(UUID quoteId, int lineNumber, UUID productId, int quantity, BigDecimal unitPrice) {
}
