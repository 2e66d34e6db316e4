package org.crmkit.core.product;

import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.PersonName;

/**
 * A product's stored state.
 *
 * @param id          the product
 * @param version     the stored version (optimistic locking)
 * @param sku         the stock keeping unit, upper case, unique
 * @param name        the name
 * @param description the description, or {@code null}
 * @param category    the category, or {@code null}
 * @param listPrice   the list price
 * @param status      active or retired
 * @param createdAt   when it was created
 * @param updatedAt   when it last changed
 */
public record ProductSnapshot(ProductId id, long version, String sku, String name, String description,
                              CategoryId category, Money listPrice, ProductStatus status, Instant createdAt,
                              Instant updatedAt) {
    /** Checks the required parts. */
    public ProductSnapshot {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sku, "sku");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(listPrice, "listPrice");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** @return the key products are searched and sorted by: the name {@linkplain PersonName#fold folded} */
    public String nameKey() {
        return PersonName.fold(name);
    }

    /** @param newVersion the version to carry @return this state at another version */
    public ProductSnapshot withVersion(long newVersion) {
        return new ProductSnapshot(id, newVersion, sku, name, description, category, listPrice, status, createdAt,
                updatedAt);
    }
}
