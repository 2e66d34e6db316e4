package org.crmkit.core.staff;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One entry of the access log: a login, logout or password event, when, for which account, how it ended, and what
 * the host knew of the caller. The attempted login text of an unknown account is not kept.
 *
 * @param id            the entry's UUIDv7
 * @param at            when
 * @param event         what happened
 * @param outcome       how it ended
 * @param account       the account, or {@code null} when none matched
 * @param holder        the account's holder, or {@code null} when none matched
 * @param sourceAddress the caller's network address as the host saw it, or {@code null} (none given, or blanked by
 *                      the log's retention or the holder's erasure)
 * @param userAgent     the caller's user agent, or {@code null} (none given, or blanked like the address)
 */
public record AccessLogEntry(UUID id, Instant at, AccessEvent event, AccessOutcome outcome, AccountId account,
                             AccountHolder holder, String sourceAddress, String userAgent) {
    /** Checks the required parts. */
    public AccessLogEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(outcome, "outcome");
    }
}
