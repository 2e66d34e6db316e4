package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.crmkit.core.ticket.internal.domain.SlaClock;

/**
 * Adding and measuring business time agree, on random calendars in zones with daylight saving (including 30-minute
 * shifts and changes at midnight), with random holidays, working periods and pauses.
 */
class BusinessTimePropertiesTest {
    private static final List<String> ZONES = List.of("Europe/Berlin", "America/New_York", "Australia/Lord_Howe",
            "America/Santiago", "Asia/Kolkata", "UTC", "Pacific/Chatham", "America/St_Johns", "Africa/Casablanca",
            "Asia/Tehran", "America/Havana");
    private static final Instant FIRST = Instant.parse("2026-01-01T00:00:00Z");
    private static final long SPAN_SECONDS = Duration.ofDays(730).toSeconds();

    @Property(tries = 300)
    void measuringWhatWasAddedGivesItBack(@ForAll("calendars") BusinessCalendar calendar,
                                          @ForAll("instants") Instant from, @ForAll("durations") Duration amount) {
        Instant end = calendar.plus(from, amount);
        assertThat(end).isAfterOrEqualTo(from);
        assertThat(calendar.between(from, end)).isEqualTo(amount);
    }

    @Property(tries = 300)
    void addingWhatWasMeasuredReachesTheLastWorkingMomentBeforeTheEnd(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant from,
            @ForAll("instants") Instant to) {
        Duration measured = calendar.between(from, to);
        Instant reached = calendar.plus(from, measured);
        if (to.isAfter(from)) {
            assertThat(reached).isBetween(from, to);
            assertThat(calendar.between(reached, to)).isZero();
        } else {
            assertThat(measured).isZero();
        }
    }

    @Property(tries = 300)
    void measuringIsAdditive(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant a,
                             @ForAll("instants") Instant b, @ForAll("instants") Instant c) {
        List<Instant> sorted = new ArrayList<>(List.of(a, b, c));
        sorted.sort(null);
        Instant first = sorted.get(0);
        Instant middle = sorted.get(1);
        Instant last = sorted.get(2);
        assertThat(calendar.between(first, middle).plus(calendar.between(middle, last)))
                .isEqualTo(calendar.between(first, last));
        assertThat(calendar.between(first, last)).isLessThanOrEqualTo(Duration.between(first, last));
    }

    @Property(tries = 300)
    void addingIsMonotonic(@ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant from,
                           @ForAll("durations") Duration a, @ForAll("durations") Duration b) {
        Duration shorter = a.compareTo(b) <= 0 ? a : b;
        Duration longer = a.compareTo(b) <= 0 ? b : a;
        assertThat(calendar.plus(from, shorter)).isBeforeOrEqualTo(calendar.plus(from, longer));
        assertThat(calendar.plus(calendar.plus(from, shorter), longer.minus(shorter)))
                .isEqualTo(calendar.plus(from, longer));
    }

    @Property(tries = 200)
    void aPausedClockIsDueWhenItsRunningTimeReachesTheTarget(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("pauseLengths") List<Duration> gaps, @ForAll("durations") Duration target) {
        Duration goal = target.isZero() ? Duration.ofMinutes(1) : target;
        SlaClock clock = SlaClock.startedAt(start);
        Instant at = start;
        Duration pausedBusinessTime = Duration.ZERO;
        for (int i = 0; i + 1 < gaps.size(); i += 2) {
            Instant pauseFrom = at.plus(gaps.get(i));
            Instant pauseUntil = pauseFrom.plus(gaps.get(i + 1));
            clock = clock.pause(pauseFrom).resume(pauseUntil);
            pausedBusinessTime = pausedBusinessTime.plus(calendar.between(pauseFrom, pauseUntil));
            at = pauseUntil;
        }
        Optional<Instant> due = clock.dueAt(calendar, goal);
        assertThat(due).isPresent();
        assertThat(clock.elapsed(calendar, due.get())).isEqualTo(goal);
        Instant later = at.plus(Duration.ofDays(3));
        assertThat(clock.elapsed(calendar, later))
                .isEqualTo(calendar.between(start, later).minus(pausedBusinessTime));
        if (due.get().isAfter(start)) {
            assertThat(clock.elapsed(calendar, due.get().minusNanos(1))).isLessThan(goal);
        }
    }

    /**
     * A clock paused and not resumed (a ticket still waiting on the customer) stands still from the pause on: its
     * elapsed time stays what it was when paused, and it is due only if it reached the target before the pause.
     */
    @Property(tries = 200)
    void aClockStillPausedStandsStillAndIsDueOnlyIfItReachedTheTargetBeforeThePause(
            @ForAll("calendars") BusinessCalendar calendar, @ForAll("instants") Instant start,
            @ForAll("pauseLengths") List<Duration> gaps, @ForAll("durations") Duration target,
            @ForAll("durations") Duration beforeTheOpenPause, @ForAll("durations") Duration later) {
        Duration goal = target.isZero() ? Duration.ofMinutes(1) : target;
        SlaClock clock = SlaClock.startedAt(start);
        Instant at = start;
        for (int i = 0; i + 1 < gaps.size(); i += 2) {
            Instant pauseFrom = at.plus(gaps.get(i));
            Instant pauseUntil = pauseFrom.plus(gaps.get(i + 1));
            clock = clock.pause(pauseFrom).resume(pauseUntil);
            at = pauseUntil;
        }
        Instant openFrom = at.plus(beforeTheOpenPause);
        SlaClock resumedNever = clock.pause(openFrom);
        Duration atThePause = clock.elapsed(calendar, openFrom);

        assertThat(resumedNever.paused()).isTrue();
        assertThat(resumedNever.elapsed(calendar, openFrom.plus(later))).isEqualTo(atThePause);
        Optional<Instant> due = resumedNever.dueAt(calendar, goal);
        if (atThePause.compareTo(goal) >= 0) {
            assertThat(due).as("reached before the pause").isPresent();
            assertThat(due.get()).isBeforeOrEqualTo(openFrom);
            assertThat(resumedNever.elapsed(calendar, due.get())).isEqualTo(goal);
        } else {
            assertThat(due).as("short of the target while paused").isEmpty();
        }
    }

    @Provide
    Arbitrary<Instant> instants() {
        return Arbitraries.longs().between(0, SPAN_SECONDS).map(FIRST::plusSeconds);
    }

    @Provide
    Arbitrary<Duration> durations() {
        return Arbitraries.longs().between(0, Duration.ofDays(40).toSeconds()).map(Duration::ofSeconds);
    }

    @Provide
    Arbitrary<List<Duration>> pauseLengths() {
        return Arbitraries.longs().between(0, Duration.ofDays(5).toSeconds()).map(Duration::ofSeconds)
                .list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<BusinessCalendar> calendars() {
        Arbitrary<ZoneId> zones = Arbitraries.of(ZONES).map(ZoneId::of);
        Arbitrary<List<WorkingPeriod>> day = Arbitraries.integers().between(0, 96).list().ofMaxSize(6)
                .map(BusinessTimePropertiesTest::periods);
        Arbitrary<Map<DayOfWeek, List<WorkingPeriod>>> week = day.list().ofSize(7).map(days -> {
            Map<DayOfWeek, List<WorkingPeriod>> map = new EnumMap<>(DayOfWeek.class);
            for (int i = 0; i < 7; i++) {
                if (!days.get(i).isEmpty()) {
                    map.put(DayOfWeek.of(i + 1), days.get(i));
                }
            }
            if (map.isEmpty()) {
                map.put(DayOfWeek.WEDNESDAY, List.of(WorkingPeriod.of("01:30", "02:30")));
            }
            return map;
        });
        Arbitrary<List<LocalDate>> holidays = Arbitraries.integers().between(0, 760)
                .map(d -> LocalDate.parse("2025-12-31").plusDays(d)).list().ofMaxSize(40);
        return Combinators.combine(zones, week, holidays).as(BusinessCalendar::of);
    }

    /** Quarter-hour boundaries of one day, paired into non-overlapping periods; 96 means midnight at the end. */
    private static List<WorkingPeriod> periods(List<Integer> quarters) {
        List<Integer> cuts = new ArrayList<>(quarters.stream().distinct().sorted().toList());
        List<WorkingPeriod> periods = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i += 2) {
            periods.add(new WorkingPeriod(quarter(cuts.get(i)), quarter(cuts.get(i + 1))));
        }
        return periods;
    }

    private static LocalTime quarter(int q) {
        return q == 96 ? LocalTime.MIDNIGHT : LocalTime.of(q / 4, (q % 4) * 15);
    }
}
