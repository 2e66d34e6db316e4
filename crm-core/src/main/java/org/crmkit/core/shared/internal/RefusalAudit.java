package org.crmkit.core.shared.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.shared.AccessDeniedException;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditOutcome;
import org.crmkit.core.shared.UnitOfWork;
import org.crmkit.core.shared.AuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a refused call in the audit trail as {@link AuditOutcome#DENIED}, in a transaction of its own after the
 * refused work was rolled back. Refusals of anonymous callers are throttled, so that a visitor cannot flood the
 * append-only trail: per action, the first {@value #PER_MINUTE} in each minute are audited, the rest refused all the
 * same and only logged. Refusals of a known caller (staff, customer, system) are always audited: they say who tried.
 * The counts are kept in memory per {@code Crm} instance, so each host instance audits its own share.
 */
final class RefusalAudit {
    /** Audited anonymous refusals per action and minute. */
    static final int PER_MINUTE = 30;
    /** Actions remembered at most; past that the counts start over (a visitor cannot make the map grow). */
    private static final int MAX_ACTIONS = 1_000;
    private static final Logger LOG = LoggerFactory.getLogger(RefusalAudit.class);

    private final Clock clock;
    private final UnitOfWork unitOfWork;
    private final AuditLog auditLog;
    private final ConcurrentHashMap<String, Window> anonymous = new ConcurrentHashMap<>();

    private record Window(Instant minute, AtomicInteger count) {
    }

    RefusalAudit(Clock clock, UnitOfWork unitOfWork, AuditLog auditLog) {
        this.clock = clock;
        this.unitOfWork = unitOfWork;
        this.auditLog = auditLog;
    }

    /** @param denied a refusal whose work was rolled back */
    void record(AccessDeniedException denied) {
        if (denied.actor() instanceof Actor.Anonymous && !withinAnonymousShare(denied.action())) {
            LOG.info("denied {} to an anonymous caller (not audited: over {} this minute)", denied.action(),
                    PER_MINUTE);
            return;
        }
        unitOfWork.inTransaction(() -> auditLog.append(AuditEntry.of(clock, denied.actor(), denied.action(),
                denied.targetType(), denied.targetId(), AuditOutcome.DENIED)));
        LOG.info("denied {} to {} on {} {}", denied.action(), denied.actor().describe(), denied.targetType(),
                denied.targetId());
    }

    private boolean withinAnonymousShare(String action) {
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (anonymous.size() > MAX_ACTIONS) {
            anonymous.clear();
        }
        Window window = anonymous.compute(action, (key, old) ->
                old == null || !old.minute().equals(minute) ? new Window(minute, new AtomicInteger()) : old);
        return window.count().incrementAndGet() <= PER_MINUTE;
    }
}
