package org.crmkit.core.quote;

import java.util.Objects;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/**
 * One line of a quote: a product, how many, and once the quote is answered the unit price offered.
 *
 * @param number    the line number, from 1, unique in the quote
 * @param product   the product
 * @param quantity  how many, 1 to 1,000,000
 * @param unitPrice the price of one offered, not negative, in the quote's currency; {@code null} until answered
 */
public record QuoteLine(int number, ProductId product, int quantity, Money unitPrice) {
    /** Largest quantity of one line (the sales area's limit, so an accepted quote is always a valid purchase). */
    public static final int MAX_QUANTITY = 1_000_000;

    /** Checks the line. */
    public QuoteLine {
        Objects.requireNonNull(product, "product");
        if (number < 1) {
            throw new InvalidValueException("lines.lineNumber", "must be 1 or more");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidValueException("lines.quantity", "must be 1 to " + MAX_QUANTITY);
        }
        if (unitPrice != null) {
            if (unitPrice.isNegative()) {
                throw new InvalidValueException("lines.unitPrice", "must not be negative");
            }
            try {
                unitPrice.times(quantity);
            } catch (InvalidValueException tooLarge) {
                throw new InvalidValueException("lines.unitPrice",
                        "times the quantity exceeds the largest amount (15 integer digits)");
            }
        }
    }

    /**
     * @param number   the line number
     * @param product  the product
     * @param quantity how many
     * @return a requested line, without a price
     */
    public static QuoteLine requested(int number, ProductId product, int quantity) {
        return new QuoteLine(number, product, quantity, null);
    }

    /** @param price the unit price offered @return this line at that price */
    public QuoteLine pricedAt(Money price) {
        return new QuoteLine(number, product, quantity, Objects.requireNonNull(price, "price"));
    }

    /**
     * @return quantity times unit price
     * @throws IllegalStateException before the line is priced
     */
    public Money total() {
        if (unitPrice == null) {
            throw new IllegalStateException("line " + number + " has no price yet");
        }
        return unitPrice.times(quantity);
    }
}
