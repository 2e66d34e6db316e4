package org.crmkit.core.feedback.internal.application;

import org.crmkit.core.feedback.internal.store.FeedbackStore;
import org.crmkit.core.sales.internal.port.PurchaseDirectory;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.feedback.port.in.ProductFeedback;
import org.crmkit.core.feedback.port.out.FeedbackRepository;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.internal.PersonalDataEraser;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the feedback use cases and the feedback area's part in an erasure; the one public entry of this package. */
public final class FeedbackApplication {
    private FeedbackApplication() {
    }

    /**
     * @param support   shared use-case mechanics
     * @param feedback  the feedback repository
     * @param customers the customer use cases (whose feedback it is, and whether they were erased)
     * @param products  the catalog use cases (the product of a list or statistics exists)
     * @param sales     the sales use cases (the purchase is the customer's and holds the product)
     * @return the feedback use cases
     */
    public static ProductFeedback feedback(UseCaseSupport support, FeedbackRepository feedback,
                                           CustomerDirectory customers, ProductCatalog products, PurchaseDirectory sales) {
        return new FeedbackService(support, new FeedbackStore(feedback), customers, products, sales);
    }

    /**
     * @param feedback the feedback repository
     * @return the eraser that blanks an erased customer's comments (and the responses to them), keeping the ratings
     */
    public static PersonalDataEraser customerEraser(FeedbackRepository feedback) {
        return feedback::eraseCustomer;
    }
}
