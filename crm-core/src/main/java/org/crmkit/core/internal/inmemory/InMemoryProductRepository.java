package org.crmkit.core.internal.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.product.port.out.ProductSearchCriteria;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.UuidV7;

/** Products in memory, unique by SKU, versioned. */
public final class InMemoryProductRepository implements ProductRepository {
    private static final Comparator<ProductSnapshot> BY_NAME = Comparator
            .comparing(ProductSnapshot::nameKey, CodePoints::compare)
            .thenComparing(p -> p.id().value(), UuidV7::compareBytes);

    private final InMemoryTable<ProductId, ProductSnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryProductRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<ProductId, ProductSnapshot>(unitOfWork, "product", ProductSnapshot::id,
                ProductSnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("sku", ProductSnapshot::sku);
    }

    @Override
    public void add(ProductSnapshot product) {
        table.insert(product);
    }

    @Override
    public void update(ProductSnapshot product) {
        table.update(product);
    }

    @Override
    public Optional<ProductSnapshot> findById(ProductId id) {
        return table.get(id);
    }

    @Override
    public Optional<ProductSnapshot> findBySku(String sku) {
        return table.where(p -> p.sku().equals(sku)).stream().findFirst();
    }

    @Override
    public List<ProductSnapshot> search(ProductSearchCriteria criteria, int limit) {
        ProductSearchCriteria.Position after = criteria.after();
        return table.where(criteria::matches).stream()
                .filter(p -> after == null || CodePoints.compare(p.nameKey(), after.nameKey()) > 0
                        || p.nameKey().equals(after.nameKey())
                        && UuidV7.compareBytes(p.id().value(), after.id().value()) > 0)
                .sorted(BY_NAME)
                .limit(limit)
                
                .toList();
    }
}
