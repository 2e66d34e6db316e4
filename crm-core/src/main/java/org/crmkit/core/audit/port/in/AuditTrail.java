package org.crmkit.core.audit.port.in;

import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.AuditEntry;
import org.crmkit.core.shared.Page;

/**
 * Reading the audit trail ({@code crm.audit()}), for administrators ({@code AUDIT_VIEW}). The trail itself is written
 * by every use case and cannot be changed: the port has no update or delete.
 */
public interface AuditTrail {

    /**
     * Searches the audit trail.
     *
     * <p>Retry: safe, it reads only (each call is audited, so a retry appends one more audit entry).
     *
     * @param actor the caller
     * @param query filters and page
     * @return one page, newest first
     */
    Page<AuditEntry> search(Actor actor, AuditQuery query);
}
