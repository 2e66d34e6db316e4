package org.crmkit.core.lead.port.in;

/** Sort orders of a lead search; ties are broken by id, so the order is total. */
public enum LeadSort {
    /** Newest first. */
    CREATED_DESC,
    /** Oldest first. */
    CREATED_ASC,
    /** Highest score first. */
    SCORE_DESC
}
