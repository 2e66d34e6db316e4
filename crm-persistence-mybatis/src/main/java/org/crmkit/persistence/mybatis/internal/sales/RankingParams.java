package org.crmkit.persistence.mybatis.internal.sales;

import java.time.Instant;

/**
 * Parameters of a ranking of customers by purchases: the period {@code [from, to)}, the currency's code or
 * {@code null} for every currency, whether to rank by amount rather than by count, and the most customers.
 */
record RankingParams(Instant from, Instant to, String currency, boolean byAmount, int limit) {
}
