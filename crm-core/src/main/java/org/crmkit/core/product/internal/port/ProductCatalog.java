package org.crmkit.core.product.internal.port;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.ProductId;

/**
 * How other areas read the catalog: inside their own use case's transaction, after that use case has checked its own
 * caller, so without an actor, without the host's {@code AccessPolicy} and without an audit entry. Never a host's.
 */
public interface ProductCatalog {

    /** @param id a product id @return the product, retired ones included */
    Optional<ProductView> find(ProductId id);

    /** @param sku a SKU as typed (normalized here) @return the product holding it */
    Optional<ProductView> findBySku(String sku);

    /**
     * @param skus SKUs as typed
     * @return the products by the SKU asked for; a SKU no product holds (or no product could hold) is left out
     */
    Map<String, ProductView> findBySkus(List<String> skus);

    /** @return every category, depth first: each parent before its children, siblings by name */
    List<CategoryView> categories();
}
