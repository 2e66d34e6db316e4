package org.crmkit.core.internal.inmemory;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.UuidV7;

/** Categories in memory, unique by folded name among siblings, versioned. */
public final class InMemoryCategoryRepository implements CategoryRepository {
    private final InMemoryTable<CategoryId, CategorySnapshot> table;

    /** @param unitOfWork the unit of work whose transactions this store takes part in */
    public InMemoryCategoryRepository(InMemoryUnitOfWork unitOfWork) {
        this.table = new InMemoryTable<CategoryId, CategorySnapshot>(unitOfWork, "category", CategorySnapshot::id,
                CategorySnapshot::version, s -> s.withVersion(s.version() + 1))
                .unique("name", s -> List.of(s.parent() == null ? "" : s.parent().toString(), s.nameKey()));
    }

    @Override
    public void add(CategorySnapshot category) {
        table.insert(category);
    }

    @Override
    public void update(CategorySnapshot category) {
        table.update(category);
    }

    @Override
    public Optional<CategorySnapshot> findById(CategoryId id) {
        return table.get(id);
    }

    @Override
    public Optional<CategorySnapshot> findByIdForUpdate(CategoryId id) {
        return findById(id);
    }

    @Override
    public List<CategorySnapshot> findAll() {
        return table.where(c -> true).stream()
                .sorted(Comparator.comparing(CategorySnapshot::nameKey, CodePoints::compare)
                        .thenComparing(c -> c.id().value(), UuidV7::compareBytes))
                
                .toList();
    }
}
