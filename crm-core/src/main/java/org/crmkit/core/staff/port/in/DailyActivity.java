package org.crmkit.core.staff.port.in;

import java.time.LocalDate;

/**
 * One day of the user-visits graph.
 *
 * @param day         the day
 * @param logins      successful logins that day
 * @param activeUsers distinct accounts that logged in that day
 */
public record DailyActivity(LocalDate day, long logins, long activeUsers) {
}
