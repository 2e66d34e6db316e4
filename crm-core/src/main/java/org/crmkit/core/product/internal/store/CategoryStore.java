package org.crmkit.core.product.internal.store;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.port.out.CategoryRepository;

/**
 * The product area's repository of aggregates, on the adapter's {@link CategoryRepository} of snapshots: it hands the
 * port snapshots, restores what the port finds, and moves an aggregate's version on once the port stored it. The port
 * stays free of the domain, so an adapter (crmkit's or a host's) needs only the API.
 */
public final class CategoryStore {
    private final CategoryRepository port;

    /** @param port the adapter's port */
    public CategoryStore(CategoryRepository port) {
        this.port = port;
    }

    /** @see CategoryRepository#add */
    public void add(Category category) {
        port.add(category.snapshot());
    }

    /** @see CategoryRepository#update */
    public void update(Category category) {
        port.update(category.snapshot());
        category.recordStored();
    }

    /** @see CategoryRepository#findById */
    public Optional<Category> findById(CategoryId id) {
        return port.findById(id).map(Category::restore);
    }

    /** @see CategoryRepository#findByIdForUpdate */
    public Optional<Category> findByIdForUpdate(CategoryId id) {
        return port.findByIdForUpdate(id).map(Category::restore);
    }

    /** @see CategoryRepository#findAll */
    public List<Category> findAll() {
        return port.findAll().stream().map(Category::restore).toList();
    }
}
