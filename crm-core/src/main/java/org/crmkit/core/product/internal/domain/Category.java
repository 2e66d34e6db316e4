package org.crmkit.core.product.internal.domain;

import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.ProductEvents;
import java.time.Instant;
import java.util.Objects;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.product.CategoryId;

/**
 * A product category in a tree: a name unique among its siblings (ignoring case and accents) and an optional parent.
 * The service keeps the tree free of cycles.
 */
public final class Category extends AggregateRoot {
    static final String TYPE = "category";

    private final CategoryId id;
    private String name;
    private CategoryId parent;
    private final Instant createdAt;
    private Instant updatedAt;

    private Category(CategorySnapshot s) {
        super(TYPE, s.version());
        this.id = s.id();
        this.name = s.name();
        this.parent = s.parent();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    /**
     * @param id     the new id
     * @param name   the name
     * @param parent the parent, or {@code null}
     * @param now    the current time
     * @return a new category
     */
    public static Category create(CategoryId id, String name, CategoryId parent, Instant now) {
        Category c = new Category(new CategorySnapshot(id, 0, checkName(name), parent, now,
                now));
        c.record(new ProductEvents.CategoryChanged(id, "created", now));
        return c;
    }

    /**
     * @param name a category name as typed
     * @return it trimmed
     * @throws InvalidValueException ({@code name}) when blank, over 100 characters or holding control characters
     */
    public static String checkName(String name) {
        return Names.check("name", name, Names.SHORT);
    }

    /** @param snapshot stored state @return the category */
    public static Category restore(CategorySnapshot snapshot) {
        return new Category(snapshot);
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** @param newName the new name @param now the current time */
    public void rename(String newName, Instant now) {
        String checked = checkName(newName);
        if (!checked.equals(name)) {
            name = checked;
            changed("renamed", now);
        }
    }

    /**
     * @param newParent the new parent, or {@code null} for top level; the service has checked it is not this
     *                  category or one of its descendants
     * @param now       the current time
     */
    public void moveTo(CategoryId newParent, Instant now) {
        if (!Objects.equals(parent, newParent)) {
            parent = newParent;
            changed("moved", now);
        }
    }

    private void changed(String change, Instant now) {
        updatedAt = now;
        record(new ProductEvents.CategoryChanged(id, change, now));
    }

    /** @return the id */
    public CategoryId id() {
        return id;
    }

    /** @return the current state */
    public CategorySnapshot snapshot() {
        return new CategorySnapshot(id, version(), name, parent, createdAt, updatedAt);
    }
}
