package org.crmkit.core.product.internal.application;

import org.crmkit.core.product.internal.store.ProductStore;
import org.crmkit.core.product.internal.store.CategoryStore;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.shared.internal.UseCaseSupport;

/** Builds the catalog use cases; the one public entry of this package. */
public final class ProductApplication {
    private ProductApplication() {
    }

    /**
     * @param support    shared use-case mechanics
     * @param categories the category repository
     * @param products   the product repository
     * @return the catalog use cases
     */
    public static Products products(UseCaseSupport support, CategoryRepository categories,
                                    ProductRepository products) {
        return new ProductService(support, new CategoryStore(categories), new ProductStore(products));
    }

    /**
     * @param support    shared use-case mechanics
     * @param categories the category repository
     * @param products   the product repository
     * @return the actor-free reads other areas make of the catalog, inside their own use cases
     */
    public static ProductCatalog catalog(UseCaseSupport support, CategoryRepository categories,
                                         ProductRepository products) {
        return new ProductReads(support, new CategoryStore(categories), new ProductStore(products));
    }
}
