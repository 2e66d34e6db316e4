package org.crmkit.core.ticket;

/** The two service-level targets of a ticket, each measured on its own clock. */
public enum SlaTarget {
    /** Submission to the first public answer of staff (or the resolution, when that comes first). */
    FIRST_RESPONSE,
    /** Submission to the resolution, time resolved (before a reopening) left out. */
    RESOLUTION
}
