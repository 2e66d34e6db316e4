package org.crmkit.core.loyalty;

import java.util.Objects;
import org.crmkit.core.product.CategoryId;

/**
 * A category as the earning rules see it: its id (what multipliers and promotions name) and its name (what
 * explanations show).
 *
 * @param id   the category
 * @param name its name
 */
public record CategoryRef(CategoryId id, String name) {
    /** Checks the parts are present. */
    public CategoryRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
