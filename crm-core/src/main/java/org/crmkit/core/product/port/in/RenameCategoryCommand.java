package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.crmkit.core.product.CategoryId;

/**
 * Renames a category.
 *
 * @param categoryId      the category
 * @param name            1 to 100 characters, unique among its siblings
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record RenameCategoryCommand(@NotNull CategoryId categoryId, @NotBlank @Size(max = 200) String name,
                                    @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param categoryId the category
     * @param name       1 to 100 characters, unique among its siblings
     */
    public RenameCategoryCommand(CategoryId categoryId, String name) {
        this(categoryId, name, null);
    }
}
