package org.crmkit.core.loyalty;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/**
 * What {@link LoyaltyProgram#earn} prices: the lines of a sale (a recorded purchase, or a host's cart it wants to
 * show the points of) in one currency, at one time.
 *
 * @param currency the currency of every line
 * @param at       when the sale is made (promotions run by it)
 * @param lines    the lines
 */
public record Basket(Currency currency, Instant at, List<Line> lines) {

    /** Checks the parts and copies the lines. */
    public Basket {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(at, "at");
        lines = List.copyOf(lines);
    }

    /**
     * One line of a basket.
     *
     * @param number   its number in the sale
     * @param product  the product
     * @param quantity how many
     * @param total    quantity times unit price, in the basket's currency
     */
    public record Line(int number, ProductId product, int quantity, Money total) {

        /** Checks the parts are present. */
        public Line {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(total, "total");
        }
    }
}
