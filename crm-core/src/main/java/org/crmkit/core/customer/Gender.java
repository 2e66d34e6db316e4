package org.crmkit.core.customer;

/** Optional gender as the customer states it. */
public enum Gender {
    /** Female. */
    FEMALE,
    /** Male. */
    MALE,
    /** Non-binary or another identity. */
    DIVERSE,
    /** The customer chose not to say. */
    UNDISCLOSED
}
