package org.crmkit.core.staff.port.in;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * Removes a user's second factor (an administrator's help for a lost device and lost recovery codes). Names exactly
 * one holder: a staff user or a customer.
 *
 * @param staffId    the staff user, or {@code null} when a customer is named
 * @param customerId the customer, or {@code null} when a staff user is named
 */
public record ResetMfaCommand(StaffId staffId, CustomerId customerId) {
    /** @param staff a staff user @return the command for their account */
    public static ResetMfaCommand of(StaffId staff) {
        return new ResetMfaCommand(staff, null);
    }

    /** @param customer a customer @return the command for their account */
    public static ResetMfaCommand of(CustomerId customer) {
        return new ResetMfaCommand(null, customer);
    }
}
