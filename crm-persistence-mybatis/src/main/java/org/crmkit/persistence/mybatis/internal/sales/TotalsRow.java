package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.time.Instant;

/** One currency of a customer's totals: how many purchases, their amount as bought, the first and last time. */
record TotalsRow(String currency, long purchases, BigDecimal amount, Instant firstAt, Instant lastAt) {
}
