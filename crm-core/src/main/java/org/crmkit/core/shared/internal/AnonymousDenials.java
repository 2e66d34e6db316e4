package org.crmkit.core.shared.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Throttles the audit entries of refused anonymous calls, so that a visitor cannot flood the append-only trail: per
 * action, the first {@value #PER_MINUTE} refusals of anonymous callers in each minute are audited; the rest are
 * refused all the same and only counted in the log. Refusals of a known caller (staff, customer, system) are always
 * audited: they say who tried. Kept in memory per {@code Crm} instance, so each host instance audits its own share.
 */
final class AnonymousDenials {
    /** Audited anonymous refusals per action and minute. */
    static final int PER_MINUTE = 30;
    /** Actions remembered at most; past that the counts start over (a visitor cannot make the map grow). */
    private static final int MAX_ACTIONS = 1_000;

    private final ConcurrentHashMap<String, Window> windows = new ConcurrentHashMap<>();

    private record Window(Instant minute, AtomicInteger count) {
    }

    /**
     * @param action the refused action
     * @param now    the refusal's time
     * @return whether this refusal is audited
     */
    boolean audit(String action, Instant now) {
        Instant minute = now.truncatedTo(ChronoUnit.MINUTES);
        if (windows.size() > MAX_ACTIONS) {
            windows.clear();
        }
        Window window = windows.compute(action, (key, old) ->
                old == null || !old.minute().equals(minute) ? new Window(minute, new AtomicInteger()) : old);
        return window.count().incrementAndGet() <= PER_MINUTE;
    }
}
