package org.crmkit.core.interaction;

/** What kind of contact an interaction was. */
public enum InteractionType {
    /** A phone call. */
    CALL,
    /** An email. */
    EMAIL,
    /** A meeting, in person or online. */
    MEETING,
    /** A note for the record. */
    NOTE
}
