package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.CustomerId;
import java.time.Instant;

/**
 * Another area's part in a GDPR erasure: called inside the erasure's transaction, so the person's data goes
 * everywhere or nowhere. The staff area, for example, removes the customer's login credentials and reset tokens.
 */
@FunctionalInterface
public interface PersonalDataEraser {

    /**
     * @param customer the customer being erased
     * @param at       the time of the erasure
     */
    void eraseCustomer(CustomerId customer, Instant at);
}
