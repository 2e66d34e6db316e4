package org.crmkit.core.product.port.in;

import java.util.List;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.Page;
import org.crmkit.core.product.ProductId;

/**
 * The catalog ({@code crm.products()}): the category tree and the products. Product managers change it
 * ({@code PRODUCT_MANAGE}); staff and customers read it ({@code PRODUCT_VIEW}). Every change checks the command,
 * runs in one transaction, is audited and publishes its events after commit.
 */
public interface Products {

    /**
     * Creates a category under a parent, or at the top level; names are unique among siblings.
     *
     * <p>Retry: a retry of a stored creation creates no second category: it is refused as {@code duplicate} on
     * {@code name}, without the first one's id; find it in {@link #categories}.
     *
     * @param actor the caller
     * @param command the category
     * @return the new category
     */
    CategoryView createCategory(Actor actor, CreateCategoryCommand command);

    /**
     * Renames a category.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the category has that name).
     *
     * @param actor the caller
     * @param command the new name
     * @return the category
     */
    CategoryView renameCategory(Actor actor, RenameCategoryCommand command);

    /**
     * Moves a category under another parent, or to the top level; refused ({@code category_cycle}) under itself or
     * one of its descendants.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the category is there already).
     *
     * @param actor   the caller
     * @param command the new parent
     * @return the category
     */
    CategoryView moveCategory(Actor actor, MoveCategoryCommand command);

    /**
     * Lists the category tree.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @return every category, parents before their children, siblings by name
     */
    List<CategoryView> categories(Actor actor);

    /**
     * Creates a product; its SKU is unique.
     *
     * <p>Retry: a retry of a stored creation creates no second product: it is refused as {@code duplicate} on
     * {@code sku}, without the first one's id; find it with {@link #findBySku}.
     *
     * @param actor the caller
     * @param command the product
     * @return the new product
     */
    ProductView create(Actor actor, CreateProductCommand command);

    /**
     * Changes a product's name and description.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the product says that already).
     *
     * @param actor the caller
     * @param command name and description
     * @return the product
     */
    ProductView update(Actor actor, UpdateProductCommand command);

    /**
     * Moves a product to a category, or out of every category.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the product is there already).
     *
     * @param actor the caller
     * @param command the new category, or none
     * @return the product
     */
    ProductView moveToCategory(Actor actor, MoveProductCommand command);

    /**
     * Sets a product's list price.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry changes and writes nothing (the product has that price).
     *
     * @param actor the caller
     * @param command the new list price
     * @return the product
     */
    ProductView reprice(Actor actor, RepriceProductCommand command);

    /**
     * Retires a product: it stays for the purchases that name it, but is no longer sold and takes no changes.
     *
     * <p>Retry: safe when the command carries {@code expectedVersion}: a retry of a change that was stored fails with
     * {@code stale_version}; without it, the retry is refused with {@code product_retired}. Either way nothing changes
     * twice.
     *
     * @param actor   the caller
     * @param command which product
     * @return the product
     */
    ProductView retire(Actor actor, RetireProductCommand command);

    /**
     * Reads a product.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param productId the product
     * @return it, if it exists
     */
    Optional<ProductView> findById(Actor actor, ProductId productId);

    /**
     * Finds a product by its SKU.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param sku a SKU (any case)
     * @return its product, if any
     */
    Optional<ProductView> findBySku(Actor actor, String sku);

    /**
     * Many SKUs at once (a bulk import resolving a batch's lines), in one transaction: what {@link #findBySku} finds
     * for each, except that a SKU no product could ever hold is left out rather than refused.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param skus  1 to {@value #MOST_SKUS} SKUs (any case)
     * @return the products found, by the SKU as asked
     */
    Map<String, ProductView> findBySkus(Actor actor, List<String> skus);

    /** The most SKUs {@link #findBySkus} takes in one call. */
    int MOST_SKUS = 1_000;

    /**
     * Searches the catalog.
     *
     * <p>Retry: safe, it reads only.
     *
     * @param actor the caller
     * @param query text, category (with its descendants), status and page
     * @return one page, by name
     */
    Page<ProductView> search(Actor actor, ProductSearchQuery query);
}
