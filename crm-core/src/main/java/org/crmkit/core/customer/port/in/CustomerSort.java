package org.crmkit.core.customer.port.in;

/** Sort orders of a customer search; ties are broken by id, so the order is total. */
public enum CustomerSort {
    /** Last name, then first name, A to Z (by code point of the name folded by {@code PersonName.fold}). */
    NAME_ASC,
    /** Last name, then first name, Z to A. */
    NAME_DESC,
    /** Oldest registration first. */
    REGISTERED_ASC,
    /** Newest registration first. */
    REGISTERED_DESC
}
