package org.crmkit.persistence.mybatis.internal.sales;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * One customer of a ranking by purchases: how many purchases in the period and, when a currency was given, their
 * amount net of returns ({@code null} otherwise).
 */
record RankingRow(UUID customerId, long purchases, BigDecimal amount) {
}
