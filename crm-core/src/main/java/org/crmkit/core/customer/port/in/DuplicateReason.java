package org.crmkit.core.customer.port.in;

/**
 * Why two customers may be the same person. Email and phone are unique among customers that are not erased, so
 * {@link #SAME_EMAIL} and {@link #SAME_PHONE} appear only for data stored around that rule (an adapter of the host's
 * that does not enforce it, or rows written outside crmkit); through crmkit's own adapters the reachable reason is
 * {@link #SAME_NAME_AND_POSTAL_CODE}.
 */
public enum DuplicateReason {
    /** The same normalized email address. */
    SAME_EMAIL,
    /** The same phone number in E.164 form. */
    SAME_PHONE,
    /** The same first and last name (ignoring case) and the same postal code. */
    SAME_NAME_AND_POSTAL_CODE
}
