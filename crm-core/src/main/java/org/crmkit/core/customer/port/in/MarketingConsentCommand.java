package org.crmkit.core.customer.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.shared.CustomerId;

/**
 * Gives or withdraws consent to marketing.
 *
 * @param customerId      the customer
 * @param given           {@code true} to give, {@code false} to withdraw
 * @param expectedVersion optional version check
 */
public record MarketingConsentCommand(@NotNull CustomerId customerId, boolean given,
                                      @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param customerId the customer
     * @param given      {@code true} to give, {@code false} to withdraw
     */
    public MarketingConsentCommand(CustomerId customerId, boolean given) {
        this(customerId, given, null);
    }
}
