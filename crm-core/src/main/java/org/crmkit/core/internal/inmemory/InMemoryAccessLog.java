package org.crmkit.core.internal.inmemory;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.crmkit.core.shared.UuidV7;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountId;
import org.crmkit.core.staff.port.out.AccessLog;
import org.crmkit.core.staff.port.out.AccessLogCriteria;

/** The access log in memory: append-only inside the unit of work, but for the caller details an erasure blanks. */
public final class InMemoryAccessLog implements AccessLog {
    private static final Comparator<AccessLogEntry> NEWEST_FIRST = Comparator.comparing(AccessLogEntry::at)
            .thenComparing(AccessLogEntry::id, UuidV7::compareBytes).reversed();

    private final InMemoryTable<UUID, AccessLogEntry> table;

    /** @param unitOfWork the unit of work whose transactions this log takes part in */
    public InMemoryAccessLog(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<>(unitOfWork, "access_log", AccessLogEntry::id, e -> 0, e -> e);
    }

    @Override
    public void append(AccessLogEntry entry) {
        table.insert(entry);
    }

    @Override
    public int eraseContext(AccountId account) {
        return erase(table.where(e -> account.equals(e.account()) && holdsContext(e)));
    }

    @Override
    public int eraseContextBefore(Instant before, int limit) {
        return erase(table.where(e -> e.at().isBefore(before) && holdsContext(e)).stream()
                .sorted(NEWEST_FIRST.reversed()).limit(limit).toList());
    }

    private static boolean holdsContext(AccessLogEntry e) {
        return e.sourceAddress() != null || e.userAgent() != null;
    }

    private int erase(List<AccessLogEntry> entries) {
        int erased = 0;
        for (AccessLogEntry e : entries) {
            if (table.replaceIf(e.id(), InMemoryAccessLog::holdsContext, x -> new AccessLogEntry(x.id(), x.at(),
                    x.event(), x.outcome(), x.account(), x.holder(), null, null))) {
                erased++;
            }
        }
        return erased;
    }

    @Override
    public List<AccessLogEntry> search(AccessLogCriteria criteria, int limit) {
        return table.where(criteria::matches).stream().sorted(NEWEST_FIRST).limit(limit).toList();
    }

    @Override
    public LoginCounts countLogins(Instant from, Instant before) {
        List<AccessLogEntry> logins = table.where(e -> e.event() == AccessEvent.LOGIN
                && e.outcome() == AccessOutcome.SUCCESS && !e.at().isBefore(from) && e.at().isBefore(before));
        Set<AccountId> accounts = new HashSet<>();
        logins.stream().map(AccessLogEntry::account).filter(java.util.Objects::nonNull).forEach(accounts::add);
        return new LoginCounts(logins.size(), accounts.size());
    }
}
