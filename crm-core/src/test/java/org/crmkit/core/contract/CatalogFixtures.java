package org.crmkit.core.contract;

import org.crmkit.core.product.internal.store.ProductStore;
import org.crmkit.core.product.internal.store.CategoryStore;
import org.crmkit.core.internal.AreaPorts;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.Money;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.spi.CrmPersistence;

/**
 * Builds the catalog's domain objects for the contracts: categories and products, every product with a SKU no other
 * fixture call returns unless told otherwise. The {@code stored...} helpers store what they build; a category's
 * parent and a product's category must be stored first, as a real schema's foreign keys ask.
 */
public final class CatalogFixtures {
    /** Source of ids: real time, so ids are ordinary UUIDv7 values. */
    public static final Clock IDS = StaffFixtures.IDS;
    /** A fixed instant with microsecond precision, as stored. */
    public static final Instant T0 = StaffFixtures.T0;
    /** An ordinary price. */
    public static final Money PRICE = Money.of("19.99", "EUR");
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private CatalogFixtures() {
    }

    /** @return a SKU no other fixture call returns, starting with {@code Q} so that it matches few text prefixes */
    public static String uniqueSku() {
        return "QX-" + SEQUENCE.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
    }

    /** @param name the name @param parent the parent, or {@code null} @return a new category created at {@link #T0} */
    public static Category category(String name, CategoryId parent) {
        return category(CategoryId.next(IDS), name, parent);
    }

    /**
     * @param id     the id
     * @param name   the name
     * @param parent the parent, or {@code null}
     * @return a new category created at {@link #T0}
     */
    public static Category category(CategoryId id, String name, CategoryId parent) {
        Category category = Category.create(id, name, parent, T0);
        category.pullEvents();
        return category;
    }

    /** @param name the name @return a new active product with a unique SKU, no description or category */
    public static Product product(String name) {
        return product(ProductId.next(IDS), uniqueSku(), name, null, null, PRICE);
    }

    /**
     * @param sku      the SKU
     * @param name     the name
     * @param category the category, or {@code null}
     * @return a new active product without description at {@link #PRICE}
     */
    public static Product product(String sku, String name, CategoryId category) {
        return product(ProductId.next(IDS), sku, name, null, category, PRICE);
    }

    /**
     * @param id          the id
     * @param sku         the SKU
     * @param name        the name
     * @param description the description, or {@code null}
     * @param category    the category, or {@code null}
     * @param price       the list price
     * @return a new active product created at {@link #T0}
     */
    public static Product product(ProductId id, String sku, String name, String description, CategoryId category,
                                  Money price) {
        Product product = Product.create(id, sku, name, description, category, price, T0);
        product.pullEvents();
        return product;
    }

    /** @param persistence where @param name the name @param parent a stored parent, or {@code null} @return it */
    public static Category storedCategory(AreaPorts persistence, String name, CategoryId parent) {
        return stored(persistence, category(name, parent));
    }

    /** @param persistence where @param category a new category whose parent is stored @return it, stored */
    public static Category stored(AreaPorts persistence, Category category) {
        persistence.unitOfWork().inTransaction(() -> new CategoryStore(persistence.categories()).add(category));
        return category;
    }

    /** @param persistence where @param product a new product whose category is stored @return it, stored */
    public static Product stored(AreaPorts persistence, Product product) {
        persistence.unitOfWork().inTransaction(() -> new ProductStore(persistence.products()).add(product));
        return product;
    }
}
