package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The period of a support report.
 *
 * @param from the period's start (inclusive)
 * @param to   the period's end (exclusive), after {@code from}
 */
public record SupportReportQuery(@NotNull Instant from, @NotNull Instant to) {
}
