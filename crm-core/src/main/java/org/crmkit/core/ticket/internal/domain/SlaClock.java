package org.crmkit.core.ticket.internal.domain;

import org.crmkit.core.ticket.BusinessCalendar;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A stopwatch of business time for one SLA target of a ticket: started when the ticket is opened, paused while the
 * ticket waits on the customer, resumed when they answer. It measures with a {@link BusinessCalendar}, so time
 * outside working hours and paused time both do not count.
 *
 * @param start  when the clock started
 * @param pauses the pauses so far, in order, none overlapping another, none before {@code start}; only the last
 *               may still be running (no end)
 */
public record SlaClock(Instant start, List<Pause> pauses) {

    /** Checks the pauses are in order and only the last is open. */
    public SlaClock {
        Objects.requireNonNull(start, "start");
        pauses = List.copyOf(pauses);
        Instant reached = start;
        for (int i = 0; i < pauses.size(); i++) {
            Pause p = pauses.get(i);
            if (p.from().isBefore(reached)) {
                throw new IllegalArgumentException("pauses must be in order and begin after the start");
            }
            if (p.until() == null && i < pauses.size() - 1) {
                throw new IllegalArgumentException("only the last pause may be open");
            }
            reached = p.until() == null ? p.from() : p.until();
        }
    }

    /** @param start when the clock starts @return a running clock without pauses */
    public static SlaClock startedAt(Instant start) {
        return new SlaClock(start, List.of());
    }

    /** @return whether the clock is paused now */
    public boolean paused() {
        return !pauses.isEmpty() && pauses.get(pauses.size() - 1).until() == null;
    }

    /**
     * @param at when the pause begins, not before the start or the last pause's end
     * @return the clock paused at {@code at}; this clock when it is paused already
     */
    public SlaClock pause(Instant at) {
        if (paused()) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        next.add(new Pause(at, null));
        return new SlaClock(start, next);
    }

    /**
     * @param at when the clock runs again, not before the pause began
     * @return the clock running again from {@code at}; this clock when it is running
     */
    public SlaClock resume(Instant at) {
        if (!paused()) {
            return this;
        }
        List<Pause> next = new ArrayList<>(pauses);
        Pause open = next.remove(next.size() - 1);
        next.add(new Pause(open.from(), at));
        return new SlaClock(start, next);
    }

    /**
     * @param calendar the working time
     * @param asOf     the instant measured to
     * @return the business time the clock has run from its start to {@code asOf}, pauses left out
     */
    public Duration elapsed(BusinessCalendar calendar, Instant asOf) {
        Duration total = Duration.ZERO;
        Instant running = start;
        for (Pause p : pauses) {
            total = total.plus(calendar.between(running, min(p.from(), asOf)));
            if (p.until() == null) {
                return total;
            }
            running = p.until();
        }
        return total.plus(calendar.between(running, asOf));
    }

    /**
     * @param calendar the working time
     * @param target   the business time allowed, above zero
     * @return the instant the clock reaches {@code target}, given the pauses so far; empty while the clock is paused
     *         short of the target (it is not due while the ticket waits on the customer)
     */
    public Optional<Instant> dueAt(BusinessCalendar calendar, Duration target) {
        if (target.isNegative() || target.isZero()) {
            throw new IllegalArgumentException("an SLA target must be above zero");
        }
        Duration left = target;
        Instant running = start;
        for (Pause p : pauses) {
            Duration run = calendar.between(running, p.from());
            if (run.compareTo(left) >= 0) {
                return Optional.of(calendar.plus(running, left));
            }
            left = left.minus(run);
            if (p.until() == null) {
                return Optional.empty();
            }
            running = p.until();
        }
        return Optional.of(calendar.plus(running, left));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /**
     * A stretch of time the clock stood still.
     *
     * @param from  when it stopped
     * @param until when it ran again, or {@code null} while it still stands
     */
    public record Pause(Instant from, Instant until) {
        /** Checks the pause does not end before it begins. */
        public Pause {
            Objects.requireNonNull(from, "from");
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException("a pause cannot end before it begins");
            }
        }
    }
}
