package org.crmkit.core.ticket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.crmkit.core.ticket.internal.domain.SlaClock;
import org.crmkit.core.ticket.internal.domain.SlaClock.Pause;
import org.junit.jupiter.api.Test;

/**
 * What the SLA's value objects refuse and how they compare: calendars, targets, clocks and their pauses. A host builds
 * the first two as configuration; the clocks are what a ticket's history replays into.
 */
class BusinessTimeRulesTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final WorkingPeriod NINE_TO_FIVE = WorkingPeriod.of("09:00", "17:00");
    private static final List<LocalDate> CHRISTMAS = List.of(LocalDate.parse("2026-12-25"));
    private static final Instant MONDAY_9 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void calendarsAreEqualOnlyWithTheSameZonePeriodsAndHolidays() {
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, NINE_TO_FIVE, CHRISTMAS);

        assertThat(BusinessCalendar.weekdays(BERLIN, NINE_TO_FIVE, CHRISTMAS)).isEqualTo(office)
                .hasSameHashCodeAs(office);
        assertThat(BusinessCalendar.weekdays(ZoneOffset.UTC, NINE_TO_FIVE, CHRISTMAS)).isNotEqualTo(office);
        assertThat(BusinessCalendar.weekdays(BERLIN, WorkingPeriod.of("08:00", "16:00"), CHRISTMAS))
                .isNotEqualTo(office);
        assertThat(BusinessCalendar.weekdays(BERLIN, NINE_TO_FIVE, List.of())).isNotEqualTo(office);
    }

    @Test
    void aCalendarReportsTheZoneWeekAndHolidaysItWasGiven() {
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, NINE_TO_FIVE, CHRISTMAS);

        assertThat(office.zone()).isEqualTo(BERLIN);
        assertThat(office.holidays()).containsExactly(LocalDate.parse("2026-12-25"));
        assertThat(office.week()).containsOnlyKeys(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                DayOfWeek.THURSDAY, DayOfWeek.FRIDAY).containsEntry(DayOfWeek.MONDAY, List.of(NINE_TO_FIVE));
    }

    @Test
    void negativeBusinessTimeCannotBeAdded() {
        BusinessCalendar office = BusinessCalendar.weekdays(BERLIN, NINE_TO_FIVE, CHRISTMAS);

        assertThatThrownBy(() -> office.plus(MONDAY_9, Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("zero or more");
        assertThat(office.plus(MONDAY_9, Duration.ZERO)).isEqualTo(MONDAY_9);
    }

    @Test
    void bothTargetsMustBeAtLeastOneSecond() {
        for (Duration tooShort : List.of(Duration.ZERO, Duration.ofSeconds(-1), Duration.ofMillis(999))) {
            assertThatThrownBy(() -> new SlaTargets(Duration.ofHours(1), tooShort)).as("resolution " + tooShort)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new SlaTargets(tooShort, Duration.ofHours(1))).as("first response " + tooShort)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(new SlaTargets(Duration.ofSeconds(1), Duration.ofMillis(1_500)))
                .isEqualTo(new SlaTargets(Duration.ofSeconds(1), Duration.ofSeconds(1)));
    }

    @Test
    void aClockRefusesPausesBeforeItsStartOverlappingOrOpenBeforeTheLast() {
        Instant ten = MONDAY_9.plusSeconds(3_600);
        Instant eleven = ten.plusSeconds(3_600);
        Instant twelve = eleven.plusSeconds(3_600);

        assertThatThrownBy(() -> new SlaClock(ten, List.of(new Pause(MONDAY_9, eleven))))
                .as("before the start").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaClock(MONDAY_9, List.of(new Pause(ten, twelve), new Pause(eleven, null))))
                .as("overlapping").isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SlaClock(MONDAY_9, List.of(new Pause(ten, null), new Pause(eleven, twelve))))
                .as("an open pause followed by another").isInstanceOf(IllegalArgumentException.class);

        SlaClock touching = new SlaClock(MONDAY_9, List.of(new Pause(ten, eleven), new Pause(eleven, null)));
        assertThat(touching.paused()).isTrue();
    }

    @Test
    void aPauseCannotEndBeforeItBegins() {
        Instant ten = MONDAY_9.plusSeconds(3_600);

        assertThatThrownBy(() -> new Pause(ten, MONDAY_9)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new Pause(ten, ten).until()).isEqualTo(ten);
        assertThat(new Pause(ten, null).until()).isNull();
    }

    @Test
    void aTargetRunningOutAtTheInstantTheClockIsPausedIsDueThenNotAfterThePause() {
        Instant ten = MONDAY_9.plusSeconds(3_600);
        BusinessCalendar weekdays = BusinessCalendar.weekdays(ZoneOffset.UTC, NINE_TO_FIVE, List.of());
        SlaClock waiting = SlaClock.startedAt(MONDAY_9).pause(ten);

        assertThat(waiting.dueAt(weekdays, Duration.ofHours(1))).contains(ten);
        assertThat(waiting.resume(ten.plusSeconds(7_200)).dueAt(weekdays, Duration.ofHours(1))).contains(ten);
    }

    @Test
    void aClockIsNeverDueForATargetOfZeroOrLess() {
        SlaClock clock = SlaClock.startedAt(MONDAY_9);
        BusinessCalendar always = BusinessCalendar.always();

        assertThatThrownBy(() -> clock.dueAt(always, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.dueAt(always, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.dueAt(always, Duration.ofSeconds(1))).contains(MONDAY_9.plusSeconds(1));
    }
}
