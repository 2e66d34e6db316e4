package org.crmkit.core.ticket;

/** Where a ticket came in. */
public enum TicketChannel {
    /** The customer's self-service portal. */
    WEB,
    /** Email. */
    EMAIL,
    /** A phone call. */
    PHONE,
    /** A chat. */
    CHAT,
    /** In a store. */
    STORE
}
