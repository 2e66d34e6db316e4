package org.crmkit.core.contract;

import org.crmkit.core.feedback.internal.store.FeedbackStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Instant;
import java.util.List;
import org.crmkit.core.feedback.internal.domain.Feedback;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.sales.internal.domain.Purchase;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.feedback.FeedbackId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.sales.PurchaseId;
import org.crmkit.core.shared.StaffId;
import org.crmkit.core.spi.CrmPersistence;

/**
 * Builds the feedback area's domain objects for the contracts. The purchase and the product a feedback names must be
 * stored first, as a real schema's foreign keys ask ({@link #storedPurchase}); the customer need not be.
 */
public final class FeedbackFixtures {
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = SalesFixtures.T0;

    private FeedbackFixtures() {
    }

    /**
     * @param persistence where
     * @param customer    the buyer
     * @param products    what they bought, one of each, stored already
     * @return a stored purchase of the products
     */
    public static Purchase storedPurchase(AreaPorts persistence, CustomerId customer, Product... products) {
        List<org.crmkit.core.sales.PurchaseLine> lines = new java.util.ArrayList<>();
        for (int i = 0; i < products.length; i++) {
            lines.add(SalesFixtures.line(i + 1, products[i].id(), 1, Money.of("9.99", "EUR")));
        }
        return SalesFixtures.stored(persistence, SalesFixtures.purchase(customer, T0, lines));
    }

    /**
     * @param customer the customer
     * @param purchase the purchase
     * @param product  the product
     * @param rating   1 to 5
     * @param comment  the comment, or {@code null}
     * @param at       when given
     * @return new feedback given by the customer themself, events pulled
     */
    public static Feedback feedback(CustomerId customer, PurchaseId purchase, ProductId product, int rating,
                                    String comment, Instant at) {
        return feedback(customer, purchase, product, rating, comment, null, at);
    }

    /**
     * @param customer the customer
     * @param purchase the purchase
     * @param product  the product
     * @param rating   1 to 5
     * @param comment  the comment, or {@code null}
     * @param givenBy  the staff user who recorded it, or {@code null}
     * @param at       when given
     * @return new feedback, events pulled
     */
    public static Feedback feedback(CustomerId customer, PurchaseId purchase, ProductId product, int rating,
                                    String comment, StaffId givenBy, Instant at) {
        Feedback f = Feedback.give(FeedbackId.next(SalesFixtures.IDS), customer, purchase, product, rating, comment,
                givenBy, at);
        f.pullEvents();
        return f;
    }

    /** @param persistence where @param feedback new feedback whose purchase and product are stored @return it */
    public static Feedback stored(AreaPorts persistence, Feedback feedback) {
        persistence.unitOfWork().inTransaction(() -> new FeedbackStore(persistence.feedback()).add(feedback));
        return feedback;
    }
}
