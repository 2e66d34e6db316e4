package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Time bounds of queries as the storage can compare them: within the years 1000 to 9999 ({@code DATETIME}) and
 * rounded up to the microsecond, so that {@code >= from} and {@code < before} select the same rows in memory and in
 * MySQL.
 */
public final class StoredTime {
    private static final Instant EARLIEST = Instant.parse("1000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

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
            throw new InvalidValueException(field, "must lie between the years 1000 and 9999");
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
}
