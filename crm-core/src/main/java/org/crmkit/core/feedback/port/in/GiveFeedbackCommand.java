package org.crmkit.core.feedback.port.in;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.CustomerId;

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

    /**
     * Required: {@code customerId}, {@code purchaseId} and {@code productId}; the use case names every missing or bad
     * field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GiveFeedbackCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private CustomerId customerId;
        private PurchaseId purchaseId;
        private ProductId productId;
        private int rating;
        private String comment;

        private Builder() {
        }

        /** @param customerId the customer (a customer acting for themself names their own id) @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param purchaseId the purchase the product was bought in @return this builder */
        public Builder purchaseId(PurchaseId purchaseId) {
            this.purchaseId = purchaseId;
            return this;
        }

        /** @param productId the product @return this builder */
        public Builder productId(ProductId productId) {
            this.productId = productId;
            return this;
        }

        /** @param rating 1 (worst) to 5 (best) @return this builder */
        public Builder rating(int rating) {
            this.rating = rating;
            return this;
        }

        /**
         * @param comment an optional comment, up to 2,000 characters; line breaks and tabs allowed, no other control
         *        characters, no unpaired surrogates; blank counts as none
         * @return this builder
         */
        public Builder comment(String comment) {
            this.comment = comment;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public GiveFeedbackCommand build() {
            return new GiveFeedbackCommand(customerId, purchaseId, productId, rating, comment);
        }
    }
}
