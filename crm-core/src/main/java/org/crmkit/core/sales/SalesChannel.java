package org.crmkit.core.sales;

/** Where a purchase was made. */
public enum SalesChannel {
    /** In a shop. */
    STORE,
    /** Online. */
    WEB,
    /** By phone. */
    PHONE,
    /** Loaded from a sales export. */
    IMPORT,
    /** Anywhere else. */
    OTHER
}
