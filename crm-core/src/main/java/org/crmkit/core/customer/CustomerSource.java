package org.crmkit.core.customer;

/** How a customer came to be registered. */
public enum CustomerSource {
    /** Self-registration or a web form. */
    WEB,
    /** A bulk import. */
    IMPORT,
    /** Referred by someone. */
    REFERRAL,
    /** Anything else, such as registration at a counter. */
    OTHER
}
