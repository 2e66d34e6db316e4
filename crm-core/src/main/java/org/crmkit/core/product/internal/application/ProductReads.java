package org.crmkit.core.product.internal.application;

import org.crmkit.core.product.internal.store.ProductStore;
import org.crmkit.core.product.internal.store.CategoryStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.internal.port.ProductCatalog;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.internal.UseCaseSupport;

/**
 * The catalog reads every caller shares: the use cases run them after checking their caller, other areas run them
 * through {@link ProductCatalog} after checking theirs. Each joins the current transaction.
 */
final class ProductReads implements ProductCatalog {
    private final UseCaseSupport support;
    private final CategoryStore categories;
    private final ProductStore products;

    ProductReads(UseCaseSupport support, CategoryStore categories, ProductStore products) {
        this.support = support;
        this.categories = categories;
        this.products = products;
    }

    @Override
    public Optional<ProductView> find(ProductId id) {
        return support.transaction(() -> products.findById(id).map(p -> ProductView.of(p.snapshot())));
    }

    /** @throws org.crmkit.core.shared.InvalidCommandException ({@code sku}) for a SKU no product could hold */
    @Override
    public Optional<ProductView> findBySku(String sku) {
        return findByNormalizedSku(UseCaseSupport.commandField(() -> Product.normalizeSku(sku)));
    }

    /** @param normalized a SKU as {@code Product.normalizeSku} returns it @return the product holding it */
    Optional<ProductView> findByNormalizedSku(String normalized) {
        return support.transaction(() -> products.findBySku(normalized).map(p -> ProductView.of(p.snapshot())));
    }

    @Override
    public Map<String, ProductView> findBySkus(List<String> skus) {
        Map<String, List<String>> asked = new LinkedHashMap<>();
        for (String sku : skus) {
            try {
                asked.computeIfAbsent(Product.normalizeSku(sku), k -> new ArrayList<>()).add(sku);
            } catch (InvalidValueException e) {
                // no product holds it: left out, as the method says
            }
        }
        Map<String, ProductView> found = new LinkedHashMap<>();
        if (asked.isEmpty()) {
            return found;
        }
        return support.transaction(() -> {
            for (Product p : products.findBySkus(asked.keySet())) {
                ProductView view = ProductView.of(p.snapshot());
                asked.getOrDefault(view.sku(), List.of()).forEach(sku -> found.put(sku, view));
            }
            return found;
        });
    }

    @Override
    public List<CategoryView> categories() {
        return support.transaction(() -> {
            List<CategorySnapshot> all = categories.findAll().stream().map(Category::snapshot).toList();
            List<CategoryView> tree = new ArrayList<>();
            addChildren(null, all, tree);
            return tree;
        });
    }

    /** Depth first: each parent before its children, siblings in the stored (name) order. */
    private static void addChildren(CategoryId parent, List<CategorySnapshot> all, List<CategoryView> tree) {
        for (CategorySnapshot c : all) {
            if (Objects.equals(c.parent(), parent)) {
                tree.add(CategoryView.of(c));
                addChildren(c.id(), all, tree);
            }
        }
    }
}
