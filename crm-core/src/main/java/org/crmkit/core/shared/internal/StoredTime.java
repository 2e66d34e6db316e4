package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Time bounds of queries as the storage can compare them: within the years 1000 to 9999 ({@code DATETIME}) and
 * rounded up to the microsecond, so that {@code >= from} and {@code < before} select the same rows in memory and in
 * MySQL. Dates (a {@code DATE} column, a day a query asks for) are held to the same years.
 */
public final class StoredTime {
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    private static final LocalDate EARLIEST_DATE = LocalDate.of(1000, 1, 1);
    private static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);
    private static final String YEARS = "must lie between the years 1000 and 9999";

    private StoredTime() {
    }

    /**
     * @param field   the field named in the error
     * @param instant a bound, or {@code null}
     * @return the bound rounded up to the microsecond, or {@code null}
     * @throws InvalidValueException when it lies outside the years 1000 to 9999
     */
    public static Instant bound(String field, Instant instant) {
        if (instant == null) {
            return null;
        }
        if (instant.isBefore(EARLIEST) || !instant.isBefore(LATEST)) {
            throw new InvalidValueException(field, YEARS);
        }
        Instant micros = instant.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(instant) ? micros : micros.plus(1, ChronoUnit.MICROS);
    }

    /**
     * @param fromField   the lower bound's field
     * @param from        inclusive lower bound, or {@code null}
     * @param beforeField the upper bound's field
     * @param before      exclusive upper bound, or {@code null}
     * @throws InvalidValueException naming the lower bound when it is not before the upper one
     */
    public static void requireOrdered(String fromField, Instant from, String beforeField, Instant before) {
        if (from != null && before != null && !from.isBefore(before)) {
            throw new InvalidValueException(fromField, "must be before " + beforeField);
        }
    }

    /**
     * @param field the field named in the error
     * @param date  a date to store (a {@code DATE} column), or {@code null}
     * @return the date, or {@code null}
     * @throws InvalidValueException when it lies outside the years 1000 to 9999
     */
    public static LocalDate date(String field, LocalDate date) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            throw new InvalidValueException(field, YEARS);
        }
        return date;
    }

    /**
     * The instant a day starts at in a zone, as a bound of a query ({@link #bound}).
     *
     * @param field     the field named in the error
     * @param day       the day, or {@code null}
     * @param daysLater how many days after {@code day} the wanted day is (1: the day's exclusive end)
     * @param zone      the zone the day is counted in
     * @return the instant, or {@code null} for no day
     * @throws InvalidValueException when the instant lies outside the years 1000 to 9999 (or outside what
     *                               {@code java.time} can represent)
     */
    public static Instant startOfDay(String field, LocalDate day, long daysLater, ZoneId zone) {
        if (day == null) {
            return null;
        }
        Instant start;
        try {
            start = day.plusDays(daysLater).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException(field, YEARS);
        }
        return bound(field, start);
    }
}
