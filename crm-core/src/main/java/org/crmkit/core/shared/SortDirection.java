package org.crmkit.core.shared;

/** Direction of a sort order. */
public enum SortDirection {
    /** Smallest first. */
    ASC,
    /** Largest first. */
    DESC
}
