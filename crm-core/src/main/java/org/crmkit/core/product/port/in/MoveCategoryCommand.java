package org.crmkit.core.product.port.in;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import org.crmkit.core.product.CategoryId;

/**
 * Moves a category.
 *
 * @param categoryId      the category
 * @param parent          the new parent, or {@code null} for the top level
 * @param expectedVersion optional: when given, the call fails with a conflict unless it is the current version
 */
public record MoveCategoryCommand(@NotNull CategoryId categoryId, CategoryId parent,
                                  @PositiveOrZero Long expectedVersion) {

    /**
     * The command without a version check.
     *
     * @param categoryId the category
     * @param parent     the new parent, or {@code null} for the top level
     */
    public MoveCategoryCommand(CategoryId categoryId, CategoryId parent) {
        this(categoryId, parent, null);
    }
}
