package org.crmkit.core.ticket.port.in;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.StaffId;

/**
 * Support figures of a period {@code [from, to)}. Durations are business time on the SLA calendar; percentiles are
 * nearest-rank (the smallest value with at least p% of the values at or below it).
 *
 * @param from           the period's start
 * @param to             the period's end
 * @param opened         tickets submitted in the period
 * @param resolved       tickets resolved in the period (a ticket resolved twice counts once)
 * @param backlog        tickets pending (open, in progress, waiting on the customer) at the period's end
 * @param firstResponse  business time to the first response of the tickets first answered in the period
 * @param resolution     business time to the resolution of the tickets (last) resolved in the period
 * @param compliance     targets met in time among the targets decided in the period (met, or missed when due)
 * @param agents         per assignee: pending at the end, resolved in the period; by agent id
 * @param categories     tickets submitted in the period per category ({@code null}: none), by category
 */
public record SupportReport(Instant from, Instant to, int opened, int resolved, int backlog, Timing firstResponse,
                            Timing resolution, Compliance compliance, List<AgentWorkload> agents,
                            List<CategoryCount> categories) {
    /** Copies the lists. */
    public SupportReport {
        agents = List.copyOf(agents);
        categories = List.copyOf(categories);
    }

    /**
     * @param count  how many values
     * @param median the nearest-rank 50th percentile, or {@code null} without values
     * @param p90    the nearest-rank 90th percentile, or {@code null} without values
     */
    public record Timing(int count, Duration median, Duration p90) {
    }

    /**
     * @param decided targets decided in the period
     * @param met     of those, met in time
     * @param percent met / decided in percent, one decimal (half up), or {@code null} when none was decided
     */
    public record Compliance(int decided, int met, BigDecimal percent) {
    }

    /**
     * @param agent    the assignee
     * @param backlog  their tickets pending at the period's end
     * @param resolved their tickets resolved in the period
     */
    public record AgentWorkload(StaffId agent, int backlog, int resolved) {
    }

    /** @param category the category, or {@code null} @param opened tickets submitted in the period */
    public record CategoryCount(String category, int opened) {
    }
}
