package org.crmkit.core.ticket;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * When a support team works: working periods per day of the week, holidays, and the IANA time zone both are read
 * in. Business time is the real time elapsed inside working periods, so daylight-saving changes count as they
 * happen: on the night clocks go forward, a period of 01:00 to 05:00 lasts three hours; when they go back, four
 * hours lasts five. A local time that does not exist on a given day (it falls in the gap) is read as the moment the
 * gap ends; one that exists twice is read at its first occurrence.
 *
 * <p>Immutable and thread-safe. A calendar has at least one working period in the week, so business time always
 * moves on eventually (holidays are a finite list).
 */
public final class BusinessCalendar {
    private final ZoneId zone;
    private final Map<DayOfWeek, List<WorkingPeriod>> week;
    private final Set<LocalDate> holidays;

    private BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> week, Set<LocalDate> holidays) {
        this.zone = zone;
        this.week = week;
        this.holidays = holidays;
    }

    /**
     * @param zone     the IANA zone the periods and holidays are read in
     * @param week     the working periods of each day of the week; a day without an entry is not worked. The periods
     *                 of one day must not overlap.
     * @param holidays dates (in {@code zone}) without work, whatever their day of the week
     * @return the calendar
     * @throws IllegalArgumentException when no day has a period, or periods of a day overlap
     */
    public static BusinessCalendar of(ZoneId zone, Map<DayOfWeek, List<WorkingPeriod>> week,
                                      Collection<LocalDate> holidays) {
        Objects.requireNonNull(zone, "zone");
        Map<DayOfWeek, List<WorkingPeriod>> days = new EnumMap<>(DayOfWeek.class);
        week.forEach((day, periods) -> {
            List<WorkingPeriod> sorted = new ArrayList<>(periods);
            sorted.sort(Comparator.comparing(WorkingPeriod::start));
            for (int i = 1; i < sorted.size(); i++) {
                WorkingPeriod before = sorted.get(i - 1);
                if (before.untilMidnight() || sorted.get(i).start().isBefore(before.end())) {
                    throw new IllegalArgumentException("working periods overlap on " + day);
                }
            }
            if (!sorted.isEmpty()) {
                days.put(Objects.requireNonNull(day, "day"), List.copyOf(sorted));
            }
        });
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a business calendar needs at least one working period in the week");
        }
        return new BusinessCalendar(zone, Map.copyOf(days), Set.copyOf(new TreeSet<>(holidays)));
    }

    /**
     * @param zone   the zone
     * @param period the working period of every weekday, Monday to Friday
     * @param holidays dates without work
     * @return a calendar working {@code period} from Monday to Friday
     */
    public static BusinessCalendar weekdays(ZoneId zone, WorkingPeriod period, Collection<LocalDate> holidays) {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, List.of(period));
            }
        }
        return of(zone, week, holidays);
    }

    /** @return a calendar that is always working, in UTC: business time is plain elapsed time */
    public static BusinessCalendar always() {
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        WorkingPeriod wholeDay = new WorkingPeriod(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
        for (DayOfWeek day : DayOfWeek.values()) {
            week.put(day, List.of(wholeDay));
        }
        return of(ZoneId.of("UTC"), week, List.of());
    }

    /** @return the zone periods and holidays are read in */
    public ZoneId zone() {
        return zone;
    }

    /** @return the working periods of each worked day of the week */
    public Map<DayOfWeek, List<WorkingPeriod>> week() {
        return week;
    }

    /** @return the holidays */
    public Set<LocalDate> holidays() {
        return holidays;
    }

    /**
     * @param from the start
     * @param to   the end; before {@code from} gives zero
     * @return the business time between the two instants
     */
    public Duration between(Instant from, Instant to) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (Windows windows = new Windows(from); ; ) {
            Window w = windows.next();
            if (!w.start.isBefore(to)) {
                return total;
            }
            total = total.plus(Duration.between(w.start, min(w.end, to)));
        }
    }

    /**
     * The instant at which {@code amount} of business time has passed since {@code from}: the inverse of
     * {@link #between}, in that {@code between(from, plus(from, d))} equals {@code d}. When the amount runs out
     * exactly at the end of a working period, that end is the answer (not the start of the next one).
     *
     * @param from   the start
     * @param amount the business time to add, zero or more; zero gives {@code from}
     * @return the instant
     */
    public Instant plus(Instant from, Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("business time to add must be zero or more");
        }
        Duration left = amount;
        if (left.isZero()) {
            return from;
        }
        for (Windows windows = new Windows(from); ; ) {
            Window w = windows.next();
            Duration available = Duration.between(w.start, w.end);
            if (available.compareTo(left) >= 0) {
                return w.start.plus(left);
            }
            left = left.minus(available);
        }
    }

    /**
     * The working windows from an instant on, in order, as non-empty, non-overlapping instant ranges, the first one
     * cut to begin at that instant. A day's periods are turned into instants in the calendar's zone; where a
     * daylight-saving gap pushes a period's end past the start of the next period, the next one starts where the
     * first ended, so no instant is counted twice.
     */
    private final class Windows {
        private final List<Window> pending = new ArrayList<>();
        private LocalDate day;
        private Instant reached;

        Windows(Instant from) {
            this.reached = from;
            this.day = from.atZone(zone).toLocalDate().minusDays(1);
        }

        Window next() {
            while (pending.isEmpty()) {
                load(day);
                day = day.plusDays(1);
            }
            return pending.remove(0);
        }

        private void load(LocalDate date) {
            List<WorkingPeriod> periods = week.get(date.getDayOfWeek());
            if (periods == null || holidays.contains(date)) {
                return;
            }
            for (WorkingPeriod p : periods) {
                Instant start = max(ZonedDateTime.of(date, p.start(), zone).toInstant(), reached);
                Instant end = p.untilMidnight()
                        ? date.plusDays(1).atStartOfDay(zone).toInstant()
                        : ZonedDateTime.of(date, p.end(), zone).toInstant();
                if (end.isAfter(start)) {
                    pending.add(new Window(start, end));
                    reached = end;
                }
            }
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private record Window(Instant start, Instant end) {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BusinessCalendar c && zone.equals(c.zone) && week.equals(c.week)
                && holidays.equals(c.holidays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(zone, week, holidays);
    }

    @Override
    public String toString() {
        return "BusinessCalendar[" + zone + ", " + week + ", " + holidays.size() + " holiday(s)]";
    }
}
