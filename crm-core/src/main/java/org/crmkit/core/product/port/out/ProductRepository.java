package org.crmkit.core.product.port.out;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.product.ProductSnapshot;

/**
 * Stores products. SKUs are unique ({@code duplicate} on field {@code sku}); {@link #update} is optimistic
 * ({@code stale_version}). There is no delete: products are retired.
 */
public interface ProductRepository {

    /** @param product a new product */
    void add(ProductSnapshot product);

    /** @param product a changed product, stored only at the version it was loaded at */
    void update(ProductSnapshot product);

    /** @param id the product @return it, if stored */
    Optional<ProductSnapshot> findById(ProductId id);

    /** @param sku a normalized SKU @return its product, if any */
    Optional<ProductSnapshot> findBySku(String sku);

    /**
     * @param skus normalized SKUs
     * @return the products holding them, as {@link #findBySku} finds each (an adapter reads them together)
     */
    default List<ProductSnapshot> findBySkus(Collection<String> skus) {
        List<ProductSnapshot> found = new ArrayList<>();
        for (String sku : new LinkedHashSet<>(skus)) {
            findBySku(sku).ifPresent(found::add);
        }
        return found;
    }

    /**
     * @param criteria filters and resume position
     * @param limit    the most products to return
     * @return matching products by folded name, then id
     */
    List<ProductSnapshot> search(ProductSearchCriteria criteria, int limit);
}
