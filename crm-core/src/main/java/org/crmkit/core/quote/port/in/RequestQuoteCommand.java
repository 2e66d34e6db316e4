package org.crmkit.core.quote.port.in;

import org.crmkit.core.quote.QuoteSnapshot;
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
 */
public record RequestQuoteCommand(@NotNull CustomerId customerId,
                                  @NotBlank @Size(min = 3, max = 3) String currency,
                                  @NotEmpty @Size(max = 100) List<@NotNull @Valid Line> lines,
                                  @Size(max = 2 * QuoteSnapshot.MAX_MESSAGE) String message) {

    /**
     * One line.
     *
     * @param productId an existing, active product
     * @param quantity  1 to 1,000,000
     */
    public record Line(@NotNull ProductId productId, int quantity) {
    }
}
