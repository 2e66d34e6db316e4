package org.crmkit.core.ticket.internal.domain;

import java.time.Duration;
import java.util.List;

/** Percentiles as support reports state them. */
public final class Percentiles {
    private Percentiles() {
    }

    /**
     * The nearest-rank percentile: the value at rank {@code ceil(p / 100 * n)} of the values sorted ascending (the
     * smallest value with at least p% of the values at or below it); always one of the values.
     *
     * @param sorted the values, ascending
     * @param p      the percentile, 1 to 100
     * @return the value, or {@code null} without values
     */
    public static Duration nearestRank(List<Duration> sorted, int p) {
        if (p < 1 || p > 100) {
            throw new IllegalArgumentException("a percentile is 1 to 100");
        }
        if (sorted.isEmpty()) {
            return null;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1);
    }
}
