package org.crmkit.core.quote.port.in;

import org.crmkit.core.quote.QuoteSnapshot;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;

/**
 * Asks for a quote. The lines are numbered 1, 2, ... in the order given.
 *
 * @param customerId the customer it is for (a customer asks for themself)
 * @param currency   ISO 4217 code the answer must price it in
 * @param lines      1 to 100 lines of active products
 * @param message    what the requester wants to say, at most 2,000 characters (code points), no control
 *                   characters except line breaks and tabs, or {@code null}
 * @param idempotencyKey the caller's key for this request, 1 to 64 visible ASCII characters (a random UUID, say),
 *                   or {@code null}; a retry with the key (after {@code outcome_unknown}, say) returns what the
 *                   first call created instead of creating it twice, and the key sent with another request is
 *                   refused ({@code duplicate} on {@code idempotencyKey})
 */
public record RequestQuoteCommand(@NotNull CustomerId customerId,
                                  @NotBlank @Size(min = 3, max = 3) String currency,
                                  @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
                                  @Size(max = 2 * QuoteSnapshot.MAX_MESSAGE) String message,
                                  @Pattern(regexp = "[\\x21-\\x7E]{1,64}",
                                           message = "must be 1 to 64 visible ASCII characters") String idempotencyKey) {

    /**
     * The request without an idempotency key: a retry after {@code outcome_unknown} may create twice.
     *
     * @param customerId the customer it is for (a customer asks for themself)
     * @param currency ISO 4217 code the answer must price it in
     * @param lines 1 to 100 lines of active products
     * @param message what the requester wants to say, at most 2,000 characters
     */
    public RequestQuoteCommand(CustomerId customerId, String currency, List< Line> lines, String message) {
        this(customerId, currency, lines, message, null);
    }

    /**
     * @param idempotencyKey the caller's key for this request (see the record), or {@code null}
     * @return this request with that key
     */
    public RequestQuoteCommand withIdempotencyKey(String idempotencyKey) {
        return new RequestQuoteCommand(customerId, currency, lines, message, idempotencyKey);
    }

    /**
     * One line.
     *
     * @param productId an existing, active product
     * @param quantity  1 to 1,000,000
     */
    public record Line(@NotNull ProductId productId, int quantity) {
    }
}
