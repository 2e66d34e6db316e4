package org.crmkit.core.quote.internal.application;

import org.crmkit.core.quote.internal.store.QuoteStore;
import org.crmkit.core.sales.internal.port.PurchaseRecorder;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.customer.internal.port.CustomerDirectory;
import org.crmkit.core.customer.port.in.Customers;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.quote.port.in.Quotes;
import org.crmkit.core.quote.port.out.QuoteRepository;
import org.crmkit.core.sales.port.in.Sales;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the quote use cases; the one public entry of this package. */
public final class QuoteApplication {
    private QuoteApplication() {
    }

    /**
     * @param quotes the quote repository
     * @return what a customer's erasure calls in its transaction: blanks the customer's texts on their quotes
     */
    public static org.crmkit.core.shared.internal.PersonalDataEraser customerEraser(QuoteRepository quotes) {
        return new QuoteEraser(new QuoteStore(quotes));
    }

    /**
     * @param support   shared use-case mechanics
     * @param quotes    the quote repository
     * @param directory the customers as other areas read them (a quote's customer and account manager)
     * @param products  the catalog (lines name active products; unpriced lines take the list price)
     * @param sales     records an accepted quote's purchase inside the acceptance
     * @return the quote use cases
     */
    public static Quotes quotes(UseCaseSupport support, QuoteRepository quotes, CustomerDirectory directory,
                                ProductCatalog products, PurchaseRecorder sales) {
        return new QuoteService(support, new QuoteStore(quotes), directory, products, sales);
    }
}
