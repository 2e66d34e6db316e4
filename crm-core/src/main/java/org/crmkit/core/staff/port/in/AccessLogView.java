package org.crmkit.core.staff.port.in;

import java.time.Instant;
import java.util.UUID;
import org.crmkit.core.staff.AccessEvent;
import org.crmkit.core.staff.AccessLogEntry;
import org.crmkit.core.staff.AccessOutcome;
import org.crmkit.core.staff.AccountHolder;

/**
 * An access log entry as hosts see it.
 *
 * @param id            the entry
 * @param at            when
 * @param event         what happened
 * @param outcome       how it ended, with the reason of a failure
 * @param holder        whose account, or {@code null} when no account matched
 * @param sourceAddress the caller's address, or {@code null} (none given, or blanked: the access log keeps it for
 *                      {@code Crm.builder().accessLogRetention(...)}, and a customer's erasure blanks theirs)
 * @param userAgent     the caller's user agent, or {@code null} (none given, or blanked like the address)
 */
public record AccessLogView(UUID id, Instant at, AccessEvent event, AccessOutcome outcome, AccountHolder holder,
                            String sourceAddress, String userAgent) {
    /** @param e a stored entry @return its view */
    public static AccessLogView of(AccessLogEntry e) {
        return new AccessLogView(e.id(), e.at(), e.event(), e.outcome(), e.holder(), e.sourceAddress(),
                e.userAgent());
    }
}
