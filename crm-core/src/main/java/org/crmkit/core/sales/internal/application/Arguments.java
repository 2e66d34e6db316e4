package org.crmkit.core.sales.internal.application;

import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.sales.PurchaseId;

/** Bare arguments of queries, validated like commands. */
final class Arguments {
    private Arguments() {
    }

    /** @param purchaseId the purchase asked for */
    record PurchaseIdQuery(@NotNull PurchaseId purchaseId) {
    }

    /** @param customerId the customer asked about */
    record CustomerIdQuery(@NotNull CustomerId customerId) {
    }
}
