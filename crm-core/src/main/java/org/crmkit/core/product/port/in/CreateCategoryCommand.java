package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.CategoryId;

/**
 * Creates a category.
 *
 * @param name   1 to 100 characters, unique among its siblings (ignoring case and accents)
 * @param parent optional: the parent category
 */
public record CreateCategoryCommand(@NotBlank @Size(max = 200) String name, CategoryId parent) {

    /** @param name 1 to 100 characters, unique among the top-level categories */
    public CreateCategoryCommand(String name) {
        this(name, null);
    }
}
