package org.crmkit.core.product.port.in;

import java.time.Instant;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.CategoryId;

/**
 * A category as hosts see it.
 *
 * @param id        the category
 * @param version   the version to pass as {@code expectedVersion}
 * @param name      the name
 * @param parent    the parent, or {@code null}
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record CategoryView(CategoryId id, long version, String name, CategoryId parent, Instant createdAt,
                           Instant updatedAt) {
    /** @param s stored state @return its view */
    public static CategoryView of(CategorySnapshot s) {
        return new CategoryView(s.id(), s.version(), s.name(), s.parent(), s.createdAt(), s.updatedAt());
    }
}
