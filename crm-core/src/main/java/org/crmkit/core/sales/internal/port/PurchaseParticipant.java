package org.crmkit.core.sales.internal.port;

import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Another area's part in recording purchases and returns: called by the sales area inside the transaction that
 * records them, so that what follows from a sale (loyalty points earned, points clawed back) is stored with it or not
 * at all. An exception thrown here rolls the purchase or return back. The loyalty area registers one.
 */
public interface PurchaseParticipant {

    /** @param purchase a purchase just recorded (not a repeated recording of an existing one) */
    void purchaseRecorded(RecordedPurchase purchase);

    /** @param returned a return just recorded against a purchase */
    void purchaseReturned(ReturnedPurchase returned);

    /**
     * Several purchases and returns recorded in one transaction (a bulk import's batch), in the order they were made
     * (the file's order, purchases and returns interleaved), to be acted on as if each had been passed to
     * {@link #purchaseRecorded} or {@link #purchaseReturned} in that order, which is what this default does. A
     * participant overrides it to store what follows from them together, but decides each in this order, so that
     * the outcome does not depend on how a file is cut into batches. A return only ever follows the purchase it takes
     * back from.
     *
     * @param postings purchases just recorded (not repeated recordings of existing ones) and returns just recorded,
     *                 in their order
     */
    default void batchRecorded(List<? extends Posting> postings) {
        for (Posting posting : postings) {
            if (posting instanceof RecordedPurchase purchase) {
                purchaseRecorded(purchase);
            } else {
                purchaseReturned((ReturnedPurchase) posting);
            }
        }
    }

    /** A purchase or a return, as a batch lists them in order. */
    sealed interface Posting permits RecordedPurchase, ReturnedPurchase {
        /** @return the purchase's customer, or {@code null} for an anonymous sale */
        CustomerId customer();
    }

    /**
     * A line as bought.
     *
     * @param number   its number in the purchase
     * @param product  the product
     * @param quantity how many were bought
     * @param total    quantity times unit price, in the purchase's currency
     */
    record Line(int number, ProductId product, int quantity, Money total) {
        /** Checks the parts are present. */
        public Line {
            Objects.requireNonNull(product, "product");
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * @param id         the purchase
     * @param customer   its customer, or {@code null} for an anonymous sale
     * @param occurredAt when the sale was made
     * @param currency   the currency of every line
     * @param lines      the lines as bought
     */
    record RecordedPurchase(PurchaseId id, CustomerId customer, Instant occurredAt, Currency currency,
                            List<Line> lines) implements Posting {
        /** Copies the lines. */
        public RecordedPurchase {
            lines = List.copyOf(lines);
        }
    }

    /**
     * One line of a return.
     *
     * @param number         the purchase line's number
     * @param quantity       how many this return takes back
     * @param returnedBefore how many earlier returns took back
     * @param bought         how many were bought
     */
    record ReturnedLine(int number, int quantity, int returnedBefore, int bought) {
    }

    /**
     * @param purchase   the purchase returned against
     * @param returnId   the return
     * @param customer   the purchase's customer, or {@code null} for an anonymous sale
     * @param at         when the return was made
     * @param lines      what it takes back
     */
    record ReturnedPurchase(PurchaseId purchase, UUID returnId, CustomerId customer, Instant at,
                            List<ReturnedLine> lines) implements Posting {
        /** Copies the lines. */
        public ReturnedPurchase {
            lines = List.copyOf(lines);
        }
    }
}
