package org.crmkit.core.sales.port.in;

import java.time.Instant;
import java.util.List;
import org.crmkit.core.sales.PurchaseLine;
import org.crmkit.core.sales.PurchaseReturn;
import org.crmkit.core.sales.SalesChannel;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.sales.PurchaseId;

/**
 * A purchase as hosts see it.
 *
 * @param id                the purchase
 * @param version           the version to pass as {@code expectedVersion}
 * @param customer          the customer, or {@code null} for an anonymous sale
 * @param occurredAt        when it was made
 * @param channel           where
 * @param source            the system of the reference
 * @param externalReference the order reference
 * @param lines             the lines, with their returned quantities
 * @param total             the total as bought
 * @param refunded          the sum of the refunds of its returns
 * @param returns           its returns, oldest first
 * @param recordedAt        when crmkit recorded it
 */
public record PurchaseView(PurchaseId id, long version, CustomerId customer, Instant occurredAt, SalesChannel channel,
                           String source, String externalReference, List<PurchaseLine> lines, Money total,
                           Money refunded, List<PurchaseReturn> returns, Instant recordedAt) {
    /** Copies the lists. */
    public PurchaseView {
        lines = List.copyOf(lines);
        returns = List.copyOf(returns);
    }

    /** @return the products of its lines, in line order (a product on several lines repeats) */
    public List<org.crmkit.core.product.ProductId> products() {
        return lines.stream().map(PurchaseLine::product).toList();
    }

    /**
     * @param product a product
     * @return whether a line of this purchase is of that product (returned or not), for areas that must not read the
     *         sales domain's lines themselves
     */
    public boolean includes(org.crmkit.core.product.ProductId product) {
        return lines.stream().anyMatch(l -> l.product().equals(product));
    }
}
