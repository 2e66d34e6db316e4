package org.crmkit.core.customer.port.in;

/**
 * Why two customers may be the same person. Email and phone are unique among customers that are not erased (every
 * adapter's port contract holds it), so two customers never share either, and a possible duplicate is one that the
 * unique fields cannot catch: the same name at the same postal code.
 */
public enum DuplicateReason {
    /** The same first and last name (ignoring case) and the same postal code. */
    SAME_NAME_AND_POSTAL_CODE
}
