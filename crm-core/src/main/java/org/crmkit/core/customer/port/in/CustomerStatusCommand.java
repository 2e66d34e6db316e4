package org.crmkit.core.customer.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.CustomerId;

/**
 * Deactivates or reactivates a customer.
 *
 * @param customerId      the customer
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record CustomerStatusCommand(@NotNull CustomerId customerId, @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param customerId the customer
     */
    public CustomerStatusCommand(CustomerId customerId) {
        this(customerId, null);
    }
}
