package org.crmkit.core.quote.port.in;

/** Sort orders of a quote search; ties are broken by id, so the order is total. */
public enum QuoteSort {
    /** Newest request first. */
    REQUESTED_DESC,
    /** Oldest request first. */
    REQUESTED_ASC
}
