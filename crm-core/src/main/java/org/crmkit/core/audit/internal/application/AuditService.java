package org.crmkit.core.audit.internal.application;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.audit.port.in.AuditQuery;
import org.crmkit.core.audit.port.in.AuditTrail;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditCriteria;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.EntryPosition;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.internal.StoredTime;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.audit.AuditPermission;

/** Searches the audit trail, newest first, keyset paged. Reading the trail is itself audited. */
final class AuditService implements AuditTrail {
    static final String TYPE = "audit_trail";

    private final UseCaseSupport support;
    private final AuditLog auditLog;

    AuditService(UseCaseSupport support, AuditLog auditLog) {
        this.support = support;
        this.auditLog = auditLog;
    }

    @Override
    public Page<AuditEntry> search(Actor actor, AuditQuery query) {
        support.validate(actor, query);
        Instant from = StoredTime.bound("from", query.from());
        Instant before = StoredTime.bound("before", query.before());
        StoredTime.requireOrdered("from", from, "before", before);
        String scope = Cursor.scope("audit.search", query.actorType(), query.actorRef(), query.action(),
                query.targetType(), query.targetId(), from, before, query.outcome());
        EntryPosition after = EntryPosition.fromCursor(query.page().cursor(), scope);
        AuditCriteria criteria = new AuditCriteria(query.actorType(), blankToNull(query.actorRef()),
                blankToNull(query.action()), blankToNull(query.targetType()), query.targetId(), from, before, after,
                query.outcome());
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, AuditPermission.AUDIT_VIEW, AccessTarget.none(), "audit.search", TYPE, null);
            Page<AuditEntry> page = Page.slice(auditLog.search(criteria, size + 1), size, e -> e,
                    e -> new EntryPosition(e.at(), e.id()).toCursor(scope));
            support.audit(actor, "audit.search", TYPE, null);
            return page;
        });
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
