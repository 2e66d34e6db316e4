package org.crmkit.core.shared;

/** How an audited call ended. */
public enum AuditOutcome {
    /** The use case ran and its changes were committed. */
    SUCCESS,
    /** The access policy refused the call; nothing else was written. */
    DENIED
}
