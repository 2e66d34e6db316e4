package org.crmkit.core.staff.port.out;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.staff.AccessLogEntry;

/** The access log: append-only, like the audit trail. */
public interface AccessLog {

    /** @param entry an entry to append */
    void append(AccessLogEntry entry);

    /**
     * @param criteria filters and resume position
     * @param limit    the most entries to return
     * @return matching entries newest first, ties by id descending
     */
    List<AccessLogEntry> search(AccessLogCriteria criteria, int limit);

    /**
     * @param from   inclusive start
     * @param before exclusive end
     * @return successful logins in that time and the distinct accounts that made them
     */
    LoginCounts countLogins(Instant from, Instant before);

    /**
     * @param logins         successful logins
     * @param distinctAccounts distinct accounts among them
     */
    record LoginCounts(long logins, long distinctAccounts) {
    }
}
