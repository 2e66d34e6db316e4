package org.crmkit.core.shared;

/**
 * One use case's permission. Each use case of {@code Crm} asks the {@link AccessPolicy} for exactly one of these.
 */
public enum Permission {
    /** Register a customer as staff. */
    CUSTOMER_REGISTER,
    /** Register oneself as a new customer (anonymous self-registration). */
    CUSTOMER_SELF_REGISTER,
    /** View one customer. */
    CUSTOMER_VIEW,
    /** Search and list customers. */
    CUSTOMER_SEARCH,
    /** Change contact details and address. */
    CUSTOMER_UPDATE_CONTACT,
    /** Deactivate or reactivate a customer. */
    CUSTOMER_CHANGE_STATUS,
    /** Assign an account manager. */
    CUSTOMER_ASSIGN_MANAGER,
    /** Add or remove tags. */
    CUSTOMER_TAG,
    /** Give or withdraw marketing consent. */
    CUSTOMER_CONSENT,
    /** Find possible duplicates of a customer. */
    CUSTOMER_FIND_DUPLICATES,
    /** Export everything held about a person (GDPR access). */
    CUSTOMER_EXPORT,
    /** Erase a person's data irreversibly (GDPR erasure). */
    CUSTOMER_ERASE
}
