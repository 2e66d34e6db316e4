package org.crmkit.core.product.port.out;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.domain.Category;
import org.crmkit.core.product.CategoryId;

/**
 * Stores categories. Names are unique among siblings by their folded key ({@code duplicate} on field {@code name});
 * {@link #update} is optimistic ({@code stale_version}).
 */
public interface CategoryRepository {

    /** @param category a new category */
    void add(Category category);

    /** @param category a changed category, stored only at the version it was loaded at */
    void update(Category category);

    /** @param id the category @return it, if stored */
    Optional<Category> findById(CategoryId id);

    /**
     * Finds a category and locks it until the transaction ends (MySQL {@code SELECT ... FOR UPDATE}): moves lock the
     * moved category and the new parent's ancestors, so two moves cannot close a cycle together.
     *
     * @param id the category
     * @return it, if stored
     */
    Optional<Category> findByIdForUpdate(CategoryId id);

    /** @return every category, by folded name then id */
    List<Category> findAll();
}
