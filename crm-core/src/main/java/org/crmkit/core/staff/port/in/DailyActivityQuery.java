package org.crmkit.core.staff.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/**
 * The days of a user-visits graph: {@code from} to {@code to} inclusive, at most 366 days.
 *
 * @param from the first day
 * @param to   the last day
 * @param zone the IANA time zone the days are counted in; UTC when absent
 */
public record DailyActivityQuery(@NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 64) String zone) {
}
