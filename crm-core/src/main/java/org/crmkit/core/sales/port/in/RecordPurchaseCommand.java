package org.crmkit.core.sales.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.product.ProductId;

/**
 * Records a purchase.
 *
 * @param customerId        the customer, or {@code null} for an anonymous sale
 * @param occurredAt        when it was made
 * @param channel           where
 * @param source            the system the reference belongs to, 1 to 32 characters, such as {@code "webshop"}
 * @param externalReference the order reference in that system, 1 to 64 characters
 * @param currency          ISO 4217 code every line is priced in
 * @param lines             1 to 500 lines
 */
public record RecordPurchaseCommand(CustomerId customerId, @NotNull Instant occurredAt, @NotNull SalesChannel channel,
                                    @NotBlank @Size(max = 200) String source,
                                    @NotBlank @Size(max = 200) String externalReference,
                                    @NotBlank @Size(min = 3, max = 3) String currency,
                                    @NotEmpty @Size(max = 500) List<@NotNull @Valid Line> lines) {

    /**
     * A purchase another area records for a customer (an accepted quote), made through no channel of its own.
     *
     * @param customerId        the customer
     * @param occurredAt        when it was made
     * @param source            the system the reference belongs to
     * @param externalReference the order reference in that system
     * @param currency          ISO 4217 code every line is priced in
     * @param lines             the lines
     * @return the command, on channel {@link SalesChannel#OTHER}
     */
    public static RecordPurchaseCommand otherChannel(CustomerId customerId, Instant occurredAt, String source,
                                                     String externalReference, String currency, List<Line> lines) {
        return new RecordPurchaseCommand(customerId, occurredAt, SalesChannel.OTHER, source, externalReference,
                currency, lines);
    }

    /**
     * One line.
     *
     * @param lineNumber unique in the purchase, 1 or more
     * @param productId  an existing product
     * @param quantity   1 to 1,000,000
     * @param unitPrice  the price of one, not negative, at most 4 decimal places
     */
    public record Line(int lineNumber, @NotNull ProductId productId, int quantity, @NotNull BigDecimal unitPrice) {
    }
}
