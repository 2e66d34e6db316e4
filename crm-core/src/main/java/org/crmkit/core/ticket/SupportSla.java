package org.crmkit.core.ticket;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.shared.DepartmentId;

/**
 * The host's service-level configuration, given to {@code Crm.builder().supportSla(...)}: the business-hours calendar
 * SLA time is measured in, the targets per priority with optional overrides per category, and how long a customer
 * may reopen a resolved ticket, and the department queue of tickets submitted without one. A ticket copies its targets when it is submitted (and again from the same policy
 * when an escalation changes its priority), so a later change of policy does not move older tickets' goalposts.
 *
 * <p>{@link #standard()}: Monday to Friday 09:00 to 17:00 UTC without holidays; first response / resolution
 * URGENT 1h / 4h, HIGH 4h / 8h (one business day), NORMAL 8h / 24h (three business days), LOW 16h / 40h (two and
 * five business days); reopening within 7 days; no default queue. Immutable.
 */
public final class SupportSla {
    private final BusinessCalendar calendar;
    private final Map<TicketPriority, SlaTargets> byPriority;
    private final Map<String, SlaTargets> byCategory;
    private final Duration reopenWindow;
    private final DepartmentId defaultQueue;

    private SupportSla(BusinessCalendar calendar, Map<TicketPriority, SlaTargets> byPriority,
                       Map<String, SlaTargets> byCategory, Duration reopenWindow, DepartmentId defaultQueue) {
        this.calendar = calendar;
        this.byPriority = byPriority;
        this.byCategory = byCategory;
        this.reopenWindow = reopenWindow;
        this.defaultQueue = defaultQueue;
    }

    /** @return the documented default (see the class comment) */
    public static SupportSla standard() {
        Map<TicketPriority, SlaTargets> targets = new EnumMap<>(TicketPriority.class);
        targets.put(TicketPriority.URGENT, new SlaTargets(Duration.ofHours(1), Duration.ofHours(4)));
        targets.put(TicketPriority.HIGH, new SlaTargets(Duration.ofHours(4), Duration.ofHours(8)));
        targets.put(TicketPriority.NORMAL, new SlaTargets(Duration.ofHours(8), Duration.ofHours(24)));
        targets.put(TicketPriority.LOW, new SlaTargets(Duration.ofHours(16), Duration.ofHours(40)));
        return of(BusinessCalendar.weekdays(ZoneOffset.UTC, WorkingPeriod.of("09:00", "17:00"), List.of()), targets,
                Duration.ofDays(7));
    }

    /**
     * @param calendar     when the support team works
     * @param byPriority   the targets of every priority
     * @param reopenWindow how long after its resolution a customer may reopen a ticket, zero or more
     * @return the configuration
     * @throws IllegalArgumentException when a priority has no targets or the window is negative
     */
    public static SupportSla of(BusinessCalendar calendar, Map<TicketPriority, SlaTargets> byPriority,
                                Duration reopenWindow) {
        Objects.requireNonNull(calendar, "calendar");
        Map<TicketPriority, SlaTargets> copy = new EnumMap<>(TicketPriority.class);
        copy.putAll(byPriority);
        if (copy.size() != TicketPriority.values().length) {
            throw new IllegalArgumentException("every priority needs SLA targets");
        }
        if (reopenWindow == null || reopenWindow.isNegative()) {
            throw new IllegalArgumentException("the reopen window must be zero or more");
        }
        return new SupportSla(calendar, copy, Map.of(), reopenWindow, null);
    }

    /**
     * @param category a ticket category, matched ignoring case
     * @param priority a priority
     * @param targets  the targets of tickets of that category and priority
     * @return a copy with the override
     */
    public SupportSla withCategoryTargets(String category, TicketPriority priority, SlaTargets targets) {
        Map<String, SlaTargets> copy = new HashMap<>(byCategory);
        copy.put(key(Objects.requireNonNull(category, "category"), Objects.requireNonNull(priority, "priority")),
                Objects.requireNonNull(targets, "targets"));
        return new SupportSla(calendar, byPriority, Map.copyOf(copy), reopenWindow, defaultQueue);
    }

    /** @param calendar another calendar @return a copy measuring in it */
    public SupportSla withCalendar(BusinessCalendar calendar) {
        return new SupportSla(Objects.requireNonNull(calendar, "calendar"), byPriority, byCategory, reopenWindow,
                defaultQueue);
    }

    /** @param window another reopen window, zero or more @return a copy with it */
    public SupportSla withReopenWindow(Duration window) {
        return of(calendar, byPriority, window).withOverrides(byCategory);
    }

    private SupportSla withOverrides(Map<String, SlaTargets> overrides) {
        return new SupportSla(calendar, byPriority, overrides, reopenWindow, defaultQueue);
    }

    /**
     * @param queue the department queue a ticket submitted without one goes to (a customer's self-service ticket
     *              names none), so that its agents see it; {@code null} for none: such tickets then wait for a
     *              support manager to assign them
     * @return a copy with it
     */
    public SupportSla withDefaultQueue(DepartmentId queue) {
        return new SupportSla(calendar, byPriority, byCategory, reopenWindow, queue);
    }

    /** @return the queue of tickets submitted without one, if configured */
    public Optional<DepartmentId> defaultQueue() {
        return Optional.ofNullable(defaultQueue);
    }

    /** @return the business-hours calendar */
    public BusinessCalendar calendar() {
        return calendar;
    }

    /** @return how long after its resolution a customer may reopen a ticket */
    public Duration reopenWindow() {
        return reopenWindow;
    }

    /**
     * @param priority the ticket's priority
     * @param category the ticket's category, or {@code null}
     * @return the category's override for the priority, else the priority's targets
     */
    public SlaTargets targetsFor(TicketPriority priority, String category) {
        SlaTargets override = category == null ? null : byCategory.get(key(category, priority));
        return override != null ? override : byPriority.get(priority);
    }

    private static String key(String category, TicketPriority priority) {
        return category.strip().toLowerCase(Locale.ROOT) + "\u0000" + priority;
    }
}
