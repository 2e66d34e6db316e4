package org.crmkit.core.feedback.port.in;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;

/**
 * A customer rates a product they bought. The purchase must be the customer's and hold the product; one feedback per
 * purchase and product.
 *
 * @param customerId the customer (a customer acting for themself names their own id)
 * @param purchaseId the purchase the product was bought in
 * @param productId  the product
 * @param rating     1 (worst) to 5 (best)
 * @param comment    an optional comment, up to 2,000 characters; line breaks and tabs allowed, no other control
 *                   characters, no unpaired surrogates; blank counts as none
 */
public record GiveFeedbackCommand(@NotNull CustomerId customerId, @NotNull PurchaseId purchaseId,
                                  @NotNull ProductId productId, @Min(1) @Max(5) int rating, String comment) {
}
