package org.crmkit.core.customer.internal.port;

import java.time.Instant;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EmailAddress;

/**
 * Another area's part in a change of a customer's contact email, inside the change's transaction: the staff area
 * moves the customer's login to the new email (refusing an email another account logs in with). Never a host's.
 */
@FunctionalInterface
public interface ContactChangeParticipant {

    /**
     * @param customer the customer
     * @param email    their new email, staff-entered or proven by its owner
     * @param at       the time of the change
     */
    void emailChanged(CustomerId customer, EmailAddress email, Instant at);
}
