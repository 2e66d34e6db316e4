package org.crmkit.core.staff.port.out;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccountId;

/**
 * The access log: append-only, like the audit trail, but for what it knows of the caller (the source address and the
 * user agent, personal data), which an erasure of the account's holder and the log's retention blank; the entries
 * themselves (time, event, outcome, account) stay.
 */
public interface AccessLog {

    /** @param entry an entry to append */
    void append(AccessLogEntry entry);

    /**
     * Blanks the source address and the user agent of every entry of an account: its holder's erasure. The entries
     * stay, with their time, event, outcome, account and holder.
     *
     * @param account the account
     * @return how many entries held an address or a user agent and hold neither now
     */
    int eraseContext(AccountId account);

    /**
     * Blanks the source address and the user agent of at most {@code limit} entries made before an instant that still
     * hold either, oldest first: the retention of that personal data, run in batches so that no transaction holds
     * many rows. The entries stay, with their time, event, outcome, account and holder.
     *
     * @param before entries made strictly before this instant
     * @param limit  the most entries to blank, above 0
     * @return how many it blanked: fewer than {@code limit} when no such entry is left
     */
    int eraseContextBefore(Instant before, int limit);

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
