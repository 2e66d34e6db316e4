package org.crmkit.core.staff.internal.application;

import org.crmkit.core.staff.internal.store.AccountStore;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.AccountHolder;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.internal.domain.Account;
import org.crmkit.core.staff.port.in.AccessLogQuery;
import org.crmkit.core.staff.port.in.AccessLogView;
import org.crmkit.core.staff.port.in.DailyActivity;
import org.crmkit.core.staff.port.in.DailyActivityQuery;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccessLogCriteria;

/** The access log's reads: its entries newest first, per account or day, and the daily login counts. */
final class AccessLogReads {
    private static final int MAX_DAYS = 366;

    private final UseCaseSupport support;
    private final AccountStore accounts;
    private final AccessLog accessLog;

    AccessLogReads(UseCaseSupport support, AccountStore accounts, AccessLog accessLog) {
        this.support = support;
        this.accounts = accounts;
        this.accessLog = accessLog;
    }

    Page<AccessLogView> accessLog(Actor actor, AccessLogQuery query) {
        support.validate(actor, query);
        if (query.staffId() != null && query.customerId() != null) {
            throw new InvalidValueException("customerId", "must not be given together with staffId");
        }
        ZoneId zone = zone(query.zone());
        // a day the storage cannot compare (LocalDate.MAX, say) is refused by name, not left to java.time
        Instant from = StoredTime.startOfDay("day", query.day(), 0, zone);
        Instant before = StoredTime.startOfDay("day", query.day(), 1, zone);
        String scope = Cursor.scope("access.log", query.staffId(), query.customerId(), from, before);
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, StaffPermission.ACCESS_LOG_VIEW, AccessTarget.none(), "access_log.search",
                    AccountSteps.TYPE, null);
            AccountId account = null;
            if (query.staffId() != null || query.customerId() != null) {
                AccountHolder holder = query.staffId() != null ? AccountHolder.of(query.staffId())
                        : AccountHolder.of(query.customerId());
                Optional<Account> found = accounts.findByHolder(holder);
                if (found.isEmpty()) {
                    return Page.<AccessLogView>empty();
                }
                account = found.get().id();
            }
            AccessLogCriteria criteria = new AccessLogCriteria(account, from, before, after);
            return Page.slice(accessLog.search(criteria, size + 1), size, AccessLogView::of,
                    e -> new EntryPosition(e.at(), e.id()).toCursor(scope));
        });
    }

    List<DailyActivity> dailyActivity(Actor actor, DailyActivityQuery query) {
        support.validate(actor, query);
        ZoneId zone = zone(query.zone());
        StoredTime.startOfDay("from", query.from(), 0, zone);
        StoredTime.startOfDay("to", query.to(), 1, zone);
        if (query.to().isBefore(query.from())) {
            throw new InvalidValueException("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(query.from(), query.to()) >= MAX_DAYS) {
            throw new InvalidValueException("to", "must be at most " + MAX_DAYS + " days after from");
        }
        // a report: read where the adapter reads reports (a replica, possibly a little behind; ADR 14)
        return support.report(() -> support.authorize(actor, StaffPermission.ACCESS_REPORT, AccessTarget.none(),
                "access_log.daily_activity", AccountSteps.TYPE, null), granted -> {
            List<DailyActivity> days = new ArrayList<>();
            for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
                AccessLog.LoginCounts counts = accessLog.countLogins(day.atStartOfDay(zone).toInstant(),
                        day.plusDays(1).atStartOfDay(zone).toInstant());
                days.add(new DailyActivity(day, counts.logins(), counts.distinctAccounts()));
            }
            return days;
        });
    }

    private static ZoneId zone(String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("zone", "is not an IANA time zone");
        }
    }
}
