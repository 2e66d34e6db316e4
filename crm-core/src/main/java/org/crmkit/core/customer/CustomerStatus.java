package org.crmkit.core.customer;

/** Life-cycle state of a customer. */
public enum CustomerStatus {
    /** Normal state after registration. */
    ACTIVE,
    /** Deactivated by staff; can be reactivated. */
    INACTIVE,
    /** Personal data erased irreversibly (GDPR); only the id and non-personal facts remain. Final. */
    ERASED
}
