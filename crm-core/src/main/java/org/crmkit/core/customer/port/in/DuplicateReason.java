package org.crmkit.core.customer.port.in;

/** Why two customers may be the same person. */
public enum DuplicateReason {
    /** The same normalized email address. */
    SAME_EMAIL,
    /** The same phone number in E.164 form. */
    SAME_PHONE,
    /** The same first and last name (ignoring case) and the same postal code. */
    SAME_NAME_AND_POSTAL_CODE
}
