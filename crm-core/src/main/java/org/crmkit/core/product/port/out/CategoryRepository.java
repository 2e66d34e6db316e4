package org.crmkit.core.product.port.out;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.CategorySnapshot;

/**
 * Stores categories. Names are unique among siblings by their folded key ({@code duplicate} on field {@code name});
 * {@link #update} is optimistic ({@code stale_version}).
 */
public interface CategoryRepository {

    /** @param category a new category */
    void add(CategorySnapshot category);

    /** @param category a changed category, stored only at the version it was loaded at */
    void update(CategorySnapshot category);

    /** @param id the category @return it, if stored */
    Optional<CategorySnapshot> findById(CategoryId id);

    /**
     * Finds a category and locks it until the transaction ends (MySQL {@code SELECT ... FOR UPDATE}): moves lock the
     * moved category and the new parent's ancestors, so two moves cannot close a cycle together.
     *
     * @param id the category
     * @return it, if stored
     */
    Optional<CategorySnapshot> findByIdForUpdate(CategoryId id);

    /** @return every category, by folded name then id */
    List<CategorySnapshot> findAll();
}
