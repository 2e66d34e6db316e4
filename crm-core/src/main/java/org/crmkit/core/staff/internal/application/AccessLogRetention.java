package org.crmkit.core.staff.internal.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.FieldError;
import org.crmkit.core.shared.InvalidCommandException;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.staff.StaffPermission;
import org.crmkit.core.staff.port.in.ExpireAccessContextCommand;
import org.crmkit.core.staff.port.out.AccessLog;

/**
 * The access log's retention of personal data: the source address and the user agent of entries older than the
 * retention are blanked, in batches of a transaction each; the entries themselves (time, event, outcome, account)
 * stay for the security record and the daily activity counts.
 */
final class AccessLogRetention {
    /** Entries blanked per transaction, so that no transaction holds many rows of the log. */
    static final int BATCH = 500;
    static final String TYPE = "access_log";

    private final UseCaseSupport support;
    private final AccessLog accessLog;
    private final Duration retention;

    AccessLogRetention(UseCaseSupport support, AccessLog accessLog, Duration retention) {
        this.support = support;
        this.accessLog = accessLog;
        this.retention = retention;
    }

    long expireAccessContext(Actor actor, ExpireAccessContextCommand command) {
        support.validate(actor, command);
        Instant asOf = UseCaseSupport.commandField(() -> StoredTime.bound("asOf", command.asOf()));
        if (asOf.isAfter(support.now())) {
            // a later instant would blank what the retention still keeps
            throw new InvalidCommandException(List.of(new FieldError("asOf", "must not be in the future")));
        }
        support.transaction(() -> support.authorize(actor, StaffPermission.ACCESS_LOG_RETENTION, AccessTarget.none(),
                "access_log.retention", TYPE, null));
        Instant before = asOf.minus(retention);
        long blanked = 0;
        int batch;
        do {
            batch = support.transaction(() -> {
                int n = accessLog.eraseContextBefore(before, BATCH);
                if (n > 0) {
                    // one entry per batch: the trail shows the run and its reach, not each log line
                    support.audit(actor, "access_log.retention", TYPE, null);
                }
                return n;
            });
            blanked += batch;
        } while (batch == BATCH);
        return blanked;
    }
}
