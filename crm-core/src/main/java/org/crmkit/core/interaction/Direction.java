package org.crmkit.core.interaction;

/** Who started an interaction. */
public enum Direction {
    /** The customer or lead contacted us. */
    INBOUND,
    /** We contacted them. */
    OUTBOUND
}
