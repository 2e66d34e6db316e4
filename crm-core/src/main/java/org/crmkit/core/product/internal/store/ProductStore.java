package org.crmkit.core.product.internal.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.product.port.out.ProductSearchCriteria;

/**
 * The product area's repository of aggregates, on the adapter's {@link ProductRepository} of snapshots: it hands the
 * port snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port
 * stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class ProductStore {
    private final ProductRepository port;

    /** @param port the adapter's port */
    public ProductStore(ProductRepository port) {
        this.port = port;
    }

    /** @see ProductRepository#add */
    public void add(Product product) {
        port.add(product.snapshot());
    }

    /** @see ProductRepository#update */
    public void update(Product product) {
        port.update(product.snapshot());
        product.recordStored();
    }

    /** @see ProductRepository#findById */
    public Optional<Product> findById(ProductId id) {
        return port.findById(id).map(Product::restore);
    }

    /** @see ProductRepository#findBySku */
    public Optional<Product> findBySku(String sku) {
        return port.findBySku(sku).map(Product::restore);
    }

    /** @see ProductRepository#findBySkus */
    public List<Product> findBySkus(Collection<String> skus) {
        return port.findBySkus(skus).stream().map(Product::restore).toList();
    }

    /** @see ProductRepository#search */
    public List<Product> search(ProductSearchCriteria criteria, int limit) {
        return port.search(criteria, limit).stream().map(Product::restore).toList();
    }
}
