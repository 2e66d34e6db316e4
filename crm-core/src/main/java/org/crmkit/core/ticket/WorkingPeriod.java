package org.crmkit.core.ticket;

import java.time.LocalTime;
import java.util.Objects;

/**
 * One stretch of working time within a day, in the calendar's local time, for example 09:00 to 12:30.
 * A period never crosses midnight: a night shift is two periods on two days.
 *
 * @param start the local time work starts (inclusive)
 * @param end   the local time work stops (exclusive), after {@code start}; {@link LocalTime#MIDNIGHT} (00:00) means
 *              "until the end of the day"
 */
public record WorkingPeriod(LocalTime start, LocalTime end) {
    /** Checks the period is not empty. */
    public WorkingPeriod {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!end.isAfter(start) && !end.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("a working period must end after it starts: " + start + "-" + end);
        }
    }

    /** @return whether the period runs until the end of the day */
    public boolean untilMidnight() {
        return end.equals(LocalTime.MIDNIGHT);
    }

    /**
     * @param start "HH:mm" @param end "HH:mm" @return the period
     */
    public static WorkingPeriod of(String start, String end) {
        return new WorkingPeriod(LocalTime.parse(start), LocalTime.parse(end));
    }
}
