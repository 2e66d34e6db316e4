package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.crmkit.core.ticket.internal.domain.SlaClock;
import org.junit.jupiter.api.Test;

/** Business time on known calendars: weekends, holidays, lunch breaks, both daylight-saving changes, pauses. */
class BusinessCalendarTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** Mon-Fri 09:00-17:00 Berlin; 2026-12-25 and 2026-12-28 are holidays. */
    private final BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, WorkingPeriod.of("09:00", "17:00"),
            List.of(LocalDate.parse("2026-12-25"), LocalDate.parse("2026-12-28")));

    private static Instant berlin(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void countsOnlyWorkingHoursOfWorkingDays() {
        // Friday 16:00 to Monday 10:00: one hour on Friday, one on Monday.
        assertThat(office.between(berlin("2026-11-27T16:00"), berlin("2026-11-30T10:00")))
                .isEqualTo(Duration.ofHours(2));
        // A whole week is five working days of eight hours.
        assertThat(office.between(berlin("2026-11-23T00:00"), berlin("2026-11-30T00:00")))
                .isEqualTo(Duration.ofHours(40));
    }

    @Test
    void addingRunsOverTheWeekendAndHolidays() {
        // Thursday 24 Dec 15:00 + 4 h: 2 h on Thursday; Friday 25th is a holiday, the weekend and Monday 28th too,
        // so the remaining 2 h end on Tuesday 29th at 11:00.
        assertThat(office.plus(berlin("2026-12-24T15:00"), Duration.ofHours(4))).isEqualTo(berlin("2026-12-29T11:00"));
        // Starting outside hours starts at the next opening.
        assertThat(office.plus(berlin("2026-11-28T12:00"), Duration.ofMinutes(30)))
                .isEqualTo(berlin("2026-11-30T09:30"));
    }

    @Test
    void aTargetRunningOutAtClosingIsDueAtClosingNotAtTheNextOpening() {
        assertThat(office.plus(berlin("2026-11-23T09:00"), Duration.ofHours(8))).isEqualTo(berlin("2026-11-23T17:00"));
    }

    @Test
    void aLunchBreakDoesNotCount() {
        BusinessCalendar withLunch = BusinessCalendar.of(BERLIN,
                Map.of(DayOfWeek.MONDAY, List.of(WorkingPeriod.of("13:00", "17:00"), WorkingPeriod.of("09:00", "12:00"))),
                List.of());
        assertThat(withLunch.between(berlin("2026-11-23T11:00"), berlin("2026-11-23T14:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(withLunch.plus(berlin("2026-11-23T11:30"), Duration.ofHours(1)))
                .isEqualTo(berlin("2026-11-23T13:30"));
    }

    @Test
    void daylightSavingChangesCountAsTheyHappen() {
        BusinessCalendar nights = BusinessCalendar.of(BERLIN,
                Map.of(DayOfWeek.SUNDAY, List.of(WorkingPeriod.of("01:00", "05:00"))), List.of());
        // 29 March 2026: clocks jump from 02:00 to 03:00, so 01:00-05:00 lasts three hours.
        assertThat(nights.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00")))
                .isEqualTo(Duration.ofHours(3));
        // 25 October 2026: clocks fall back from 03:00 to 02:00, so the same period lasts five hours.
        assertThat(nights.between(berlin("2026-10-25T00:00"), berlin("2026-10-25T06:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(nights.plus(berlin("2026-10-25T01:00"), Duration.ofHours(5))).isEqualTo(berlin("2026-10-25T05:00"));
    }

    @Test
    void aPeriodEndingInTheSpringGapDoesNotCountItsOverlapWithTheNextPeriodTwice() {
        // On 29 March 2026, 02:30 does not exist in Berlin and is read as 03:30, after the next period starts at
        // 03:15. Real working time from 01:00 to 05:00 is three hours, not three and a quarter.
        BusinessCalendar split = BusinessCalendar.of(BERLIN, Map.of(DayOfWeek.SUNDAY,
                List.of(WorkingPeriod.of("01:00", "02:30"), WorkingPeriod.of("03:15", "05:00"))), List.of());
        assertThat(split.between(berlin("2026-03-29T00:00"), berlin("2026-03-29T06:00")))
                .isEqualTo(Duration.ofHours(3));
        assertThat(split.plus(berlin("2026-03-29T01:00"), Duration.ofHours(3))).isEqualTo(berlin("2026-03-29T05:00"));
    }

    @Test
    void theAlwaysCalendarIsPlainElapsedTime() {
        Instant from = Instant.parse("2026-03-28T22:13:00Z");
        Instant to = Instant.parse("2026-04-02T03:00:00Z");
        assertThat(BusinessCalendar.always().between(from, to)).isEqualTo(Duration.between(from, to));
    }

    @Test
    void aCalendarWithoutWorkingTimeOrWithOverlapsIsRefused() {
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, Map.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one working period");
        assertThatThrownBy(() -> BusinessCalendar.of(BERLIN, Map.of(DayOfWeek.MONDAY,
                List.of(WorkingPeriod.of("09:00", "12:00"), WorkingPeriod.of("11:00", "13:00"))), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("overlap");
        assertThatThrownBy(() -> WorkingPeriod.of("17:00", "09:00")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void thePausedClockStandsStillAndIsNotDue() {
        // Opened Monday 09:00 with an 8-hour target; waiting on the customer from 11:00 to Tuesday 10:00.
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T09:00")).pause(berlin("2026-11-23T11:00"));
        assertThat(clock.paused()).isTrue();
        assertThat(clock.dueAt(office, Duration.ofHours(8))).isEmpty();
        assertThat(clock.elapsed(office, berlin("2026-11-24T09:30"))).isEqualTo(Duration.ofHours(2));

        SlaClock resumed = clock.resume(berlin("2026-11-24T10:00"));
        // 2 h before the pause, 6 h after it: due Tuesday 16:00.
        assertThat(resumed.dueAt(office, Duration.ofHours(8))).contains(berlin("2026-11-24T16:00"));
        assertThat(resumed.elapsed(office, berlin("2026-11-24T12:00"))).isEqualTo(Duration.ofHours(4));
    }

    @Test
    void aTargetReachedBeforeThePauseStaysDue() {
        SlaClock clock = SlaClock.startedAt(berlin("2026-11-23T09:00")).pause(berlin("2026-11-23T15:00"));
        assertThat(clock.dueAt(office, Duration.ofHours(1))).contains(berlin("2026-11-23T10:00"));
    }
}
