package org.crmkit.core.product.internal.domain;

import org.crmkit.core.product.ProductError;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.ProductEvents;
import org.crmkit.core.product.ProductStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.crmkit.core.shared.AggregateRoot;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;

/**
 * A product of the catalog: a unique SKU, a name, an optional description and category, a list price, and whether it
 * is still sold. A product is never deleted: purchases name it, so it is retired instead. A retired product takes no
 * further changes.
 */
public final class Product extends AggregateRoot {
    static final String TYPE = "product";
    private static final Pattern SKU = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]{0,63}");

    private final ProductId id;
    private final String sku;
    private String name;
    private String description;
    private CategoryId category;
    private Money listPrice;
    private ProductStatus status;
    private final Instant createdAt;
    private Instant updatedAt;

    private Product(ProductSnapshot s) {
        super(TYPE, s.version());
        this.id = s.id();
        this.sku = s.sku();
        this.name = s.name();
        this.description = s.description();
        this.category = s.category();
        this.listPrice = s.listPrice();
        this.status = s.status();
        this.createdAt = s.createdAt();
        this.updatedAt = s.updatedAt();
    }

    /**
     * @param id          the new id
     * @param sku         the SKU (normalized by {@link #normalizeSku})
     * @param name        the name, 1 to 200 characters
     * @param description the description, up to 2000 characters, or {@code null}
     * @param category    the category, or {@code null}
     * @param listPrice   the list price, not negative
     * @param now         the current time
     * @return a new active product
     */
    public static Product create(ProductId id, String sku, String name, String description, CategoryId category,
                                 Money listPrice, Instant now) {
        Product p = new Product(new ProductSnapshot(id, 0, normalizeSku(sku), checkName(name),
                checkDescription(description), category, checkPrice(listPrice), ProductStatus.ACTIVE, now, now));
        p.record(new ProductEvents.ProductChanged(id, "created", now));
        return p;
    }

    /** @param snapshot stored state @return the product */
    public static Product restore(ProductSnapshot snapshot) {
        return new Product(snapshot);
    }

    /**
     * @param sku a SKU as typed: surrounding spaces are dropped and letters upper-cased
     * @return the SKU: a letter or digit, then up to 63 letters, digits or {@code . _ / -}
     * @throws InvalidValueException ({@code sku}) otherwise
     */
    public static String normalizeSku(String sku) {
        String trimmed = sku == null ? "" : sku.strip();
        // checked before upper-casing: "straße" or a dotless "ı" must not turn into an ASCII SKU nobody typed
        if (!SKU.matcher(trimmed).matches()) {
            throw new InvalidValueException("sku",
                    "must be 1 to 64 ASCII letters, digits or . _ / -, starting with a letter or digit");
        }
        return trimmed.toUpperCase(Locale.ROOT);
    }

    /**
     * @param name a product name as typed
     * @return it trimmed
     * @throws InvalidValueException ({@code name}) when blank, over 200 characters or holding control characters
     */
    public static String checkName(String name) {
        return Names.check("name", name, Names.LONG);
    }

    /**
     * @param description a description as typed, or {@code null}
     * @return it trimmed, or {@code null} when blank
     * @throws InvalidValueException ({@code description}) when over 2000 characters or holding control characters
     *                               other than line breaks and tabs
     */
    public static String checkDescription(String description) {
        return description == null || description.isBlank() ? null
                : Names.check("description", description, Names.DESCRIPTION);
    }

    private static Money checkPrice(Money price) {
        if (price == null) {
            throw new InvalidValueException("listPrice", "must not be null");
        }
        if (price.isNegative()) {
            throw new InvalidValueException("listPrice", "must not be negative");
        }
        return price;
    }

    @Override
    protected Object identity() {
        return id;
    }

    /** @param newName the name @param newDescription the description, or {@code null} @param now the current time */
    public void update(String newName, String newDescription, Instant now) {
        requireActive();
        String checkedName = checkName(newName);
        String checkedDescription = checkDescription(newDescription);
        if (!checkedName.equals(name) || !Objects.equals(checkedDescription, description)) {
            name = checkedName;
            description = checkedDescription;
            changed("updated", now);
        }
    }

    /** @param newCategory the category, or {@code null} @param now the current time */
    public void moveTo(CategoryId newCategory, Instant now) {
        requireActive();
        if (!Objects.equals(category, newCategory)) {
            category = newCategory;
            changed("moved", now);
        }
    }

    /** @param newPrice the list price, not negative @param now the current time */
    public void reprice(Money newPrice, Instant now) {
        requireActive();
        Money checked = checkPrice(newPrice);
        if (!checked.equals(listPrice)) {
            listPrice = checked;
            changed("repriced", now);
        }
    }

    /** @param now the current time @throws BusinessRuleViolationException when already retired */
    public void retire(Instant now) {
        requireActive();
        status = ProductStatus.RETIRED;
        changed("retired", now);
    }

    private void requireActive() {
        if (status != ProductStatus.ACTIVE) {
            throw new BusinessRuleViolationException(ProductError.PRODUCT_RETIRED, "product " + id + " is retired");
        }
    }

    private void changed(String change, Instant now) {
        updatedAt = now;
        record(new ProductEvents.ProductChanged(id, change, now));
    }

    /** @return the id */
    public ProductId id() {
        return id;
    }

    /** @return the current state */
    public ProductSnapshot snapshot() {
        return new ProductSnapshot(id, version(), sku, name, description, category, listPrice, status, createdAt,
                updatedAt);
    }
}
