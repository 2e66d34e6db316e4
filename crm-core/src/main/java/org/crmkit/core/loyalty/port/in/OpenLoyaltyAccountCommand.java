package org.crmkit.core.loyalty.port.in;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;

/** @param customerId the customer whose account to open */
public record OpenLoyaltyAccountCommand(@NotNull CustomerId customerId) {
}
