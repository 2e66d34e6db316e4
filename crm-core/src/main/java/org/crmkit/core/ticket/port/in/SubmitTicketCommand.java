package org.crmkit.core.ticket.port.in;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.DepartmentId;
import org.crmkit.core.ticket.TicketChannel;
import org.crmkit.core.ticket.TicketId;
import org.crmkit.core.ticket.TicketPriority;

/**
 * A new ticket, submitted by the customer themself or by staff for them.
 *
 * @param customerId      whose ticket
 * @param subject         1 to 200 characters once stripped
 * @param description     1 to 10,000 characters once stripped
 * @param category        up to 64 characters, or {@code null}
 * @param priority        the priority
 * @param channel         where it came in
 * @param purchaseId      a purchase of the customer it is about, or {@code null}
 * @param productId       a product the customer bought that it is about, or {@code null}
 * @param relatedTicketId a closed ticket of the customer it follows up, or {@code null}
 * @param departmentId    the department queue it starts in (active), or {@code null} for the policy's default queue
 *                        ({@code SupportSla.withDefaultQueue}), if any
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record SubmitTicketCommand(@NotNull CustomerId customerId, @NotBlank String subject,
                                  @NotBlank String description, @Size(max = 64) String category,
                                  @NotNull TicketPriority priority, @NotNull TicketChannel channel,
                                  PurchaseId purchaseId, ProductId productId, TicketId relatedTicketId,
                                  DepartmentId departmentId,
                                  @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                           message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param customerId whose ticket
     * @param subject 1 to 200 characters once stripped
     * @param description 1 to 10,000 characters once stripped
     * @param category up to 64 characters, or {@code null}
     * @param priority the priority
     * @param channel where it came in
     * @param purchaseId a purchase of the customer it is about, or {@code null}
     * @param productId a product the customer bought that it is about, or {@code null}
     * @param relatedTicketId a closed ticket of the customer it follows up, or {@code null}
     * @param departmentId the department queue it starts in
     */
    public SubmitTicketCommand(CustomerId customerId, String subject, String description, String category,
                               TicketPriority priority, TicketChannel channel, PurchaseId purchaseId,
                               ProductId productId, TicketId relatedTicketId, DepartmentId departmentId) {
        this(customerId, subject, description, category, priority, channel, purchaseId, productId, relatedTicketId,
                departmentId, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public SubmitTicketCommand withIdempotencyKey(String idempotencyKey) {
        return new SubmitTicketCommand(customerId, subject, description, category, priority, channel, purchaseId,
                productId, relatedTicketId, departmentId, idempotencyKey);
    }

    /** @return whether the stripped subject has at most 200 characters (reported on {@code subject}) */
    @AssertTrue(message = "size must be between 1 and 200")
    public boolean isSubject() {
        return subject == null || subject.strip().length() <= 200;
    }

    /** @return whether the stripped description has at most 10,000 characters (reported on {@code description}) */
    @AssertTrue(message = "size must be between 1 and 10000")
    public boolean isDescription() {
        return description == null || description.strip().length() <= 10_000;
    }

    /** @return whether a category, if given, is not blank (reported on {@code category}) */
    @AssertTrue(message = "must not be blank")
    public boolean isCategory() {
        return category == null || !category.isBlank();
    }

    /**
     * Required: {@code customerId}, {@code subject}, {@code description}, {@code priority} and {@code channel}; the use
     * case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link SubmitTicketCommand} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private CustomerId customerId;
        private String subject;
        private String description;
        private String category;
        private TicketPriority priority;
        private TicketChannel channel;
        private PurchaseId purchaseId;
        private ProductId productId;
        private TicketId relatedTicketId;
        private DepartmentId departmentId;

        private Builder() {
        }

        /** @param customerId whose ticket @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param subject 1 to 200 characters once stripped @return this builder */
        public Builder subject(String subject) {
            this.subject = subject;
            return this;
        }

        /** @param description 1 to 10,000 characters once stripped @return this builder */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** @param category up to 64 characters, or {@code null} @return this builder */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /** @param priority the priority @return this builder */
        public Builder priority(TicketPriority priority) {
            this.priority = priority;
            return this;
        }

        /** @param channel where it came in @return this builder */
        public Builder channel(TicketChannel channel) {
            this.channel = channel;
            return this;
        }

        /** @param purchaseId a purchase of the customer it is about, or {@code null} @return this builder */
        public Builder purchaseId(PurchaseId purchaseId) {
            this.purchaseId = purchaseId;
            return this;
        }

        /** @param productId a product the customer bought that it is about, or {@code null} @return this builder */
        public Builder productId(ProductId productId) {
            this.productId = productId;
            return this;
        }

        /**
         * @param relatedTicketId a closed ticket of the customer it follows up, or {@code null}
         * @return this builder
         */
        public Builder relatedTicketId(TicketId relatedTicketId) {
            this.relatedTicketId = relatedTicketId;
            return this;
        }

        /**
         * @param departmentId the department queue it starts in (active), or {@code null} for the policy's default
         *        queue ({@code SupportSla.withDefaultQueue}), if any
         * @return this builder
         */
        public Builder departmentId(DepartmentId departmentId) {
            this.departmentId = departmentId;
            return this;
        }

        /** @return the command (the use case checks it, naming every bad or missing field at once) */
        public SubmitTicketCommand build() {
            return new SubmitTicketCommand(customerId, subject, description, category, priority, channel, purchaseId, productId, relatedTicketId, departmentId);
        }
    }
}
