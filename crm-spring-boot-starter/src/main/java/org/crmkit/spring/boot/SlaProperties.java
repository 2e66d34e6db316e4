package org.crmkit.spring.boot;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.ticket.BusinessCalendar;
import org.crmkit.core.ticket.SlaTargets;
import org.crmkit.core.ticket.SupportSla;
import org.crmkit.core.ticket.TicketPriority;
import org.crmkit.core.ticket.WorkingPeriod;

/**
 * The {@code crmkit.sla.*} settings: the support team's {@link SupportSla}. Every default is that of
 * {@link SupportSla#standard()} (Monday to Friday, 09:00 to 17:00 UTC, no holidays; urgent 1 h / 4 h, high 4 h / 8 h,
 * normal 8 h / 24 h, low 16 h / 40 h of business time to the first answer / to resolution; reopening within 7 days).
 * A {@code SupportSla} bean of the application's own takes precedence over these settings.
 *
 * <pre>
 * crmkit:
 *   sla:
 *     zone: Europe/Berlin
 *     working-days: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
 *     opens: "08:00"
 *     closes: "18:00"
 *     holidays: [2026-12-25, 2026-12-26]
 *     targets:
 *       urgent: { first-response: 30m, resolution: 2h }
 *     category-targets:
 *       billing:
 *         normal: { first-response: 2h, resolution: 8h }
 * </pre>
 */
public class SlaProperties {
    /** The IANA time zone the working hours and holidays are read in. */
    private ZoneId zone = ZoneOffset.UTC;

    /** The days of the week the support team works. */
    private Set<DayOfWeek> workingDays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);

    /** When a working day starts, HH:mm. */
    private String opens = "09:00";

    /** When a working day ends, HH:mm; "00:00" means midnight at the end of the day. */
    private String closes = "17:00";

    /** Dates (yyyy-MM-dd, in the zone) without work, whatever their day of the week. */
    private List<String> holidays = new ArrayList<>();

    /** How long after its resolution a customer may reopen a ticket, zero or more. */
    private Duration reopenWindow = Duration.ofDays(7);

    /** The department (its id) a ticket joins when its submitter names none; unset: no default queue. */
    private UUID defaultQueue;

    /** Targets per priority; a priority left out keeps its default. */
    private final Map<TicketPriority, Targets> targets = new EnumMap<>(TicketPriority.class);

    /** Targets per ticket category (matched ignoring case) and priority, overriding those of the priority. */
    private final Map<String, Map<TicketPriority, Targets>> categoryTargets = new LinkedHashMap<>();

    /** @return the zone */
    public ZoneId getZone() {
        return zone;
    }

    /** @param zone the zone working hours and holidays are read in */
    public void setZone(ZoneId zone) {
        this.zone = zone;
    }

    /** @return the working days */
    public Set<DayOfWeek> getWorkingDays() {
        return workingDays;
    }

    /** @param workingDays the days of the week worked, at least one */
    public void setWorkingDays(Set<DayOfWeek> workingDays) {
        this.workingDays = workingDays;
    }

    /** @return when a working day starts */
    public String getOpens() {
        return opens;
    }

    /** @param opens when a working day starts, HH:mm */
    public void setOpens(String opens) {
        this.opens = opens;
    }

    /** @return when a working day ends */
    public String getCloses() {
        return closes;
    }

    /** @param closes when a working day ends, HH:mm */
    public void setCloses(String closes) {
        this.closes = closes;
    }

    /** @return the holidays, yyyy-MM-dd */
    public List<String> getHolidays() {
        return holidays;
    }

    /** @param holidays dates without work, yyyy-MM-dd */
    public void setHolidays(List<String> holidays) {
        this.holidays = holidays;
    }

    /** @return the reopen window */
    public Duration getReopenWindow() {
        return reopenWindow;
    }

    /** @param reopenWindow how long after its resolution a ticket may be reopened */
    public void setReopenWindow(Duration reopenWindow) {
        this.reopenWindow = reopenWindow;
    }

    /** @return the default queue's department id, or {@code null} */
    public UUID getDefaultQueue() {
        return defaultQueue;
    }

    /** @param defaultQueue the department id tickets join when none is named */
    public void setDefaultQueue(UUID defaultQueue) {
        this.defaultQueue = defaultQueue;
    }

    /** @return the targets per priority set here */
    public Map<TicketPriority, Targets> getTargets() {
        return targets;
    }

    /** @return the targets per category and priority set here */
    public Map<String, Map<TicketPriority, Targets>> getCategoryTargets() {
        return categoryTargets;
    }

    /**
     * @return these settings as crmkit's SLA
     * @throws IllegalArgumentException naming the {@code crmkit.sla} setting crmkit refuses
     */
    public SupportSla toSla() {
        SupportSla standard = SupportSla.standard();
        Map<TicketPriority, SlaTargets> byPriority = new EnumMap<>(TicketPriority.class);
        for (TicketPriority priority : TicketPriority.values()) {
            Targets set = targets.get(priority);
            byPriority.put(priority, set == null ? standard.targetsFor(priority, null)
                    : set.toTargets("crmkit.sla.targets." + key(priority)));
        }
        SupportSla sla = Settings.check("crmkit.sla", () -> SupportSla.of(calendar(), byPriority, reopenWindow));
        if (defaultQueue != null) {
            sla = sla.withDefaultQueue(new DepartmentId(defaultQueue));
        }
        for (Map.Entry<String, Map<TicketPriority, Targets>> category : categoryTargets.entrySet()) {
            for (Map.Entry<TicketPriority, Targets> entry : category.getValue().entrySet()) {
                String name = "crmkit.sla.category-targets." + category.getKey() + "." + key(entry.getKey());
                SupportSla before = sla;
                sla = Settings.check(name, () -> before.withCategoryTargets(category.getKey(), entry.getKey(),
                        entry.getValue().toTargets(name)));
            }
        }
        return sla;
    }

    private BusinessCalendar calendar() {
        WorkingPeriod period = Settings.check("crmkit.sla.opens/closes", () -> WorkingPeriod.of(opens, closes));
        Map<DayOfWeek, List<WorkingPeriod>> week = new EnumMap<>(DayOfWeek.class);
        workingDays.forEach(day -> week.put(day, List.of(period)));
        List<LocalDate> dates = new ArrayList<>();
        for (String holiday : holidays) {
            try {
                dates.add(LocalDate.parse(holiday.strip()));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("crmkit.sla.holidays: not a date (yyyy-MM-dd): " + holiday, e);
            }
        }
        return Settings.check("crmkit.sla.working-days", () -> BusinessCalendar.of(zone, week, dates));
    }

    private static String key(TicketPriority priority) {
        return priority.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The two targets of one priority, in business time. */
    public static class Targets {
        /** From submission to the first public answer, at least one second. */
        private Duration firstResponse;

        /** From submission to resolution, at least one second. */
        private Duration resolution;

        /** @return the first-response target */
        public Duration getFirstResponse() {
            return firstResponse;
        }

        /** @param firstResponse from submission to the first public answer */
        public void setFirstResponse(Duration firstResponse) {
            this.firstResponse = firstResponse;
        }

        /** @return the resolution target */
        public Duration getResolution() {
            return resolution;
        }

        /** @param resolution from submission to resolution */
        public void setResolution(Duration resolution) {
            this.resolution = resolution;
        }

        SlaTargets toTargets(String name) {
            if (firstResponse == null || resolution == null) {
                throw new IllegalArgumentException(name + ": set both first-response and resolution");
            }
            return Settings.check(name, () -> new SlaTargets(firstResponse, resolution));
        }
    }
}
