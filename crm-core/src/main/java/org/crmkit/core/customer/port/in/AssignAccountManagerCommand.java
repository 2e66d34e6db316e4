package org.crmkit.core.customer.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.StaffId;

/**
 * Assigns a staff user as the customer's account manager.
 *
 * @param customerId      the customer
 * @param manager         the staff user
 * @param expectedVersion optional version check
 */
public record AssignAccountManagerCommand(@NotNull CustomerId customerId, @NotNull StaffId manager,
                                          @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param customerId the customer
     * @param manager    the staff user
     */
    public AssignAccountManagerCommand(CustomerId customerId, StaffId manager) {
        this(customerId, manager, null);
    }
}
