package org.crmkit.core.product;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.PersonName;

/**
 * A category's stored state.
 *
 * @param id        the category
 * @param version   the stored version (optimistic locking)
 * @param name      the name, trimmed
 * @param parent    the parent category, or {@code null} for a top-level one
 * @param createdAt when it was created
 * @param updatedAt when it last changed
 */
public record CategorySnapshot(CategoryId id, long version, String name, CategoryId parent, Instant createdAt,
                               Instant updatedAt) {
    /** Checks the required parts. */
    public CategorySnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return the key names are unique by among siblings: {@linkplain PersonName#fold folded} */
    public String nameKey() {
        return PersonName.fold(name);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public CategorySnapshot withVersion(long newVersion) {
        return new CategorySnapshot(id, newVersion, name, parent, createdAt, updatedAt);
    }
}
