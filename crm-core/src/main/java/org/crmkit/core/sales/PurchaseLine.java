package org.crmkit.core.sales;

import java.util.Objects;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/**
 * One line of a purchase: a product, how many, at what unit price, and how many of them were returned since.
 *
 * @param number   the line number, from 1, unique in the purchase
 * @param product  the product
 * @param quantity how many were bought, 1 to 1,000,000
 * @param unitPrice the price of one, not negative, in the purchase's currency; times the quantity, a storable
 *                  {@link Money} (below 10^15)
 * @param returned how many of them were returned, 0 to {@code quantity}
 */
public record PurchaseLine(int number, ProductId product, int quantity, Money unitPrice, int returned) {
    /** Largest quantity of one line. */
    public static final int MAX_QUANTITY = 1_000_000;

    /** Checks the line. */
    public PurchaseLine {
        Objects.requireNonNull(product, "product");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (number < 1) {
            throw new InvalidValueException("lines.lineNumber", "must be 1 or more");
        }
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new InvalidValueException("lines.quantity", "must be 1 to " + MAX_QUANTITY);
        }
        if (unitPrice.isNegative()) {
            throw new InvalidValueException("lines.unitPrice", "must not be negative");
        }
        if (returned < 0 || returned > quantity) {
            throw new InvalidValueException("lines.returned", "must be 0 to the quantity bought");
        }
        amount(unitPrice, quantity);
    }

    /**
     * A line's amount, which a purchase stores (its refunds are parts of it): like every amount a purchase stores, it
     * must be a {@link Money}, below 10^15.
     *
     * @param unitPrice the price of one
     * @param quantity  how many
     * @return quantity times unit price
     * @throws InvalidValueException ({@code lines.quantity}) when the product is not a storable amount
     */
    public static Money amount(Money unitPrice, int quantity) {
        try {
            return unitPrice.times(quantity);
        } catch (InvalidValueException tooLarge) {
            throw new InvalidValueException("lines.quantity", "times the unit price exceeds the largest amount ("
                    + Money.MAX_INTEGER_DIGITS + " integer digits)");
        }
    }

    /** @return quantity times unit price */
    public Money total() {
        return unitPrice.times(quantity);
    }

    /** @return how many can still be returned */
    public int returnable() {
        return quantity - returned;
    }

    /** @return the same line as bought, without returns: what makes two recordings of a purchase the same */
    public PurchaseLine asBought() {
        return new PurchaseLine(number, product, quantity, unitPrice, 0);
    }
}
