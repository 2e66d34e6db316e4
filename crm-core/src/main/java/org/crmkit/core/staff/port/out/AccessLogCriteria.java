package org.crmkit.core.staff.port.out;

import java.time.Instant;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccountId;

/**
 * What an access log search filters and where it resumes; every filter optional. Newest first, ties by id
 * (unsigned bytes) descending.
 *
 * @param account only this account's entries
 * @param from    inclusive lower time bound
 * @param before  exclusive upper time bound
 * @param after   resume strictly after this entry, or {@code null}
 */
public record AccessLogCriteria(AccountId account, Instant from, Instant before, EntryPosition after) {

    /** @param entry an entry @return whether it passes the filters and lies after the position */
    public boolean matches(AccessLogEntry entry) {
        return (account == null || account.equals(entry.account()))
                && (from == null || !entry.at().isBefore(from))
                && (before == null || entry.at().isBefore(before))
                && EntryPosition.isAfter(after, entry.at(), entry.id());
    }
}
