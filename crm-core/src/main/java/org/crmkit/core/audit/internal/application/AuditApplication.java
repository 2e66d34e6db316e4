package org.crmkit.core.audit.internal.application;

import org.crmkit.core.audit.port.in.AuditTrail;
import org.crmkit.core.shared.AuditLog;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the audit trail use case; the one public entry of this package. */
public final class AuditApplication {
    private AuditApplication() {
    }

    /**
     * @param support  shared use-case mechanics
     * @param auditLog the trail
     * @return the audit trail use case
     */
    public static AuditTrail auditTrail(UseCaseSupport support, AuditLog auditLog) {
        return new AuditService(support, auditLog);
    }
}
