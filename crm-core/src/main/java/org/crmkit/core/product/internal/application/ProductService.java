package org.crmkit.core.product.internal.application;

import org.crmkit.core.product.ProductError;
import org.crmkit.core.product.internal.store.ProductStore;
import org.crmkit.core.product.internal.store.CategoryStore;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.crmkit.core.product.internal.domain.Category;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.internal.domain.Product;
import org.crmkit.core.product.port.in.CategoryView;
import org.crmkit.core.product.port.in.CreateCategoryCommand;
import org.crmkit.core.product.port.in.CreateProductCommand;
import org.crmkit.core.product.port.in.MoveCategoryCommand;
import org.crmkit.core.product.port.in.MoveProductCommand;
import org.crmkit.core.product.port.in.ProductSearchQuery;
import org.crmkit.core.product.port.in.ProductView;
import org.crmkit.core.product.port.in.Products;
import org.crmkit.core.product.port.in.RenameCategoryCommand;
import org.crmkit.core.product.port.in.RepriceProductCommand;
import org.crmkit.core.product.port.in.RetireProductCommand;
import org.crmkit.core.product.port.in.UpdateProductCommand;
import org.crmkit.core.product.port.out.ProductSearchCriteria;
import org.crmkit.core.shared.AccessTarget;
import org.crmkit.core.shared.Actor;
import org.crmkit.core.shared.BusinessRuleViolationException;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.InvalidValueException;
import org.crmkit.core.shared.Money;
import org.crmkit.core.shared.NotFoundException;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PersonName;
import org.crmkit.core.product.ProductId;
import org.crmkit.core.shared.internal.UseCaseSupport;
import org.crmkit.core.product.ProductPermission;

/** The catalog use cases: categories and products. */
final class ProductService implements Products {
    static final String CATEGORY = "category";
    static final String PRODUCT = "product";

    private final UseCaseSupport support;
    private final CategoryStore categories;
    private final ProductStore products;
    private final ProductReads reads;

    ProductService(UseCaseSupport support, CategoryStore categories, ProductStore products) {
        this.reads = new ProductReads(support, categories, products);
        this.support = support;
        this.categories = categories;
        this.products = products;
    }

    // ---- categories --------------------------------------------------------------------------------------------

    @Override
    public CategoryView createCategory(Actor actor, CreateCategoryCommand command) {
        String name = support.validate(actor, command, checks -> Category.checkName(command.name()));
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_MANAGE, AccessTarget.none(), "category.create", CATEGORY,
                    null);
            requireCategory(command.parent());
            Category category = Category.create(CategoryId.next(support.clock()), name, command.parent(),
                    support.now());
            categories.add(category);
            support.audit(actor, "category.create", CATEGORY, category.id().value());
            support.publishAfterCommit(category.pullEvents());
            return CategoryView.of(category.snapshot());
        });
    }

    @Override
    public CategoryView renameCategory(Actor actor, RenameCategoryCommand command) {
        String name = support.validate(actor, command, checks -> Category.checkName(command.name()));
        return changeCategory(actor, "category.rename", command.categoryId(), command.expectedVersion(),
                c -> c.rename(name, support.now()));
    }

    @Override
    public CategoryView moveCategory(Actor actor, MoveCategoryCommand command) {
        support.validate(actor, command);
        return changeCategory(actor, "category.move", command.categoryId(), command.expectedVersion(), c -> {
            // walk up from the new parent, locking each ancestor: meeting the category itself would close a cycle,
            // and two moves that would close one together lock the same rows, so one of them waits or fails
            CategoryId at = command.parent();
            while (at != null) {
                if (at.equals(c.id())) {
                    throw new BusinessRuleViolationException(ProductError.CATEGORY_CYCLE,
                            "category " + c.id() + " cannot move under itself or one of its descendants");
                }
                CategoryId current = at;
                at = categories.findByIdForUpdate(current)
                        .orElseThrow(() -> new NotFoundException(CATEGORY, current)).snapshot().parent();
            }
            c.moveTo(command.parent(), support.now());
        });
    }

    @Override
    public List<CategoryView> categories(Actor actor) {
        support.validate(actor, new Arguments.NoQuery());
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_VIEW, AccessTarget.none(), "category.list", CATEGORY, null);
            return reads.categories();
        });
    }

    private CategoryView changeCategory(Actor actor, String action, CategoryId id, Long expectedVersion,
                                        Consumer<Category> domainCall) {
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_MANAGE, AccessTarget.none(), action, CATEGORY, id.value());
            Category category = categories.findByIdForUpdate(id)
                    .orElseThrow(() -> new NotFoundException(CATEGORY, id));
            support.applyChange(actor, action, CATEGORY, id.value(), category, expectedVersion, domainCall,
                    categories::update);
            return CategoryView.of(category.snapshot());
        });
    }

    private void requireCategory(CategoryId id) {
        if (id != null && categories.findById(id).isEmpty()) {
            throw new NotFoundException(CATEGORY, id);
        }
    }

    private Map<CategoryId, CategoryId> parentsOfAll() {
        Map<CategoryId, CategoryId> parents = new HashMap<>();
        categories.findAll().forEach(c -> parents.put(c.id(), c.snapshot().parent()));
        return parents;
    }

    // ---- products ----------------------------------------------------------------------------------------------

    @Override
    public ProductView create(Actor actor, CreateProductCommand command) {
        record Input(String sku, String name, String description, Money price) {
        }
        // the constraints and the value rules together: every bad field in one refusal
        Input input = support.validate(actor, command, checks -> new Input(
                checks.attempt(() -> Product.normalizeSku(command.sku())),
                checks.attempt(() -> Product.checkName(command.name())),
                checks.attempt(() -> Product.checkDescription(command.description())),
                checks.attempt(() -> price(command.listPrice(), command.currency()))));
        String sku = input.sku();
        String name = input.name();
        String description = input.description();
        Money price = input.price();
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_MANAGE, AccessTarget.none(), "product.create", PRODUCT, null);
            requireCategory(command.categoryId());
            Product product = UseCaseSupport.commandField(() -> Product.create(ProductId.next(support.clock()), sku,
                    name, description, command.categoryId(), price, support.now()));
            products.add(product);
            support.audit(actor, "product.create", PRODUCT, product.id().value());
            support.publishAfterCommit(product.pullEvents());
            return ProductView.of(product.snapshot());
        });
    }

    @Override
    public ProductView update(Actor actor, UpdateProductCommand command) {
        support.validate(actor, command, checks -> {
            // the domain's rules on the text, named together with the constraints before anything is loaded
            checks.attempt(() -> Product.checkName(command.name()));
            return checks.attempt(() -> Product.checkDescription(command.description()));
        });
        return changeProduct(actor, "product.update", command.productId(), command.expectedVersion(),
                p -> UseCaseSupport.commandField(() -> {
                    p.update(command.name(), command.description(), support.now());
                    return p;
                }));
    }

    @Override
    public ProductView moveToCategory(Actor actor, MoveProductCommand command) {
        support.validate(actor, command);
        return changeProduct(actor, "product.move", command.productId(), command.expectedVersion(), p -> {
            requireCategory(command.categoryId());
            p.moveTo(command.categoryId(), support.now());
        });
    }

    @Override
    public ProductView reprice(Actor actor, RepriceProductCommand command) {
        Money price = support.validate(actor, command, checks -> price(command.listPrice(), command.currency()));
        return changeProduct(actor, "product.reprice", command.productId(), command.expectedVersion(),
                p -> p.reprice(price, support.now()));
    }

    @Override
    public ProductView retire(Actor actor, RetireProductCommand command) {
        support.validate(actor, command);
        return changeProduct(actor, "product.retire", command.productId(), command.expectedVersion(),
                p -> p.retire(support.now()));
    }

    @Override
    public Optional<ProductView> findById(Actor actor, ProductId productId) {
        support.validate(actor, new Arguments.ProductIdQuery(productId));
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_VIEW, AccessTarget.none(), "product.view", PRODUCT,
                    productId.value());
            return reads.find(productId);
        });
    }

    @Override
    public Optional<ProductView> findBySku(Actor actor, String sku) {
        support.validate(actor, new Arguments.SkuQuery(sku));
        String normalized = UseCaseSupport.commandField(() -> Product.normalizeSku(sku));
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_VIEW, AccessTarget.none(), "product.view", PRODUCT, null);
            return reads.findByNormalizedSku(normalized);
        });
    }

    @Override
    public Map<String, ProductView> findBySkus(Actor actor, List<String> skus) {
        support.validate(actor, new Arguments.SkusQuery(skus));
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_VIEW, AccessTarget.none(), "product.view", PRODUCT, null);
            return reads.findBySkus(skus);
        });
    }

    @Override
    public Page<ProductView> search(Actor actor, ProductSearchQuery query) {
        support.validate(actor, query);
        String folded = query.text() == null ? "" : PersonName.fold(query.text().strip());
        String text = folded.isEmpty() ? null : folded;
        String scope = Cursor.scope("product.search", text, query.categoryId(), query.status());
        ProductSearchCriteria.Position after = decode(query.page().cursor(), scope);
        int size = query.page().size();
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_VIEW, AccessTarget.none(), "product.search", PRODUCT, null);
            Set<CategoryId> within = query.categoryId() == null ? null : withDescendants(query.categoryId());
            ProductSearchCriteria criteria = new ProductSearchCriteria(text, within, query.status(), after);
            return Page.slice(products.search(criteria, size + 1), size, p -> ProductView.of(p.snapshot()),
                    p -> Cursor.encode(scope, List.of(p.snapshot().nameKey(), p.id().toString())));
        });
    }

    private Set<CategoryId> withDescendants(CategoryId root) {
        Map<CategoryId, CategoryId> parents = parentsOfAll();
        Set<CategoryId> within = new HashSet<>();
        for (CategoryId candidate : parents.keySet()) {
            int steps = 0;
            for (CategoryId at = candidate; at != null && steps++ <= parents.size(); at = parents.get(at)) {
                if (at.equals(root)) {
                    within.add(candidate);
                    break;
                }
            }
        }
        within.add(root);
        return within;
    }

    private static ProductSearchCriteria.Position decode(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, scope, 2);
        return new ProductSearchCriteria.Position(values.get(0),
                UseCaseSupport.commandField(() -> ProductId.parse(values.get(1))));
    }

    private ProductView changeProduct(Actor actor, String action, ProductId id, Long expectedVersion,
                                      Consumer<Product> domainCall) {
        return support.transaction(() -> {
            support.authorize(actor, ProductPermission.PRODUCT_MANAGE, AccessTarget.none(), action, PRODUCT, id.value());
            Product product = products.findById(id).orElseThrow(() -> new NotFoundException(PRODUCT, id));
            support.applyChange(actor, action, PRODUCT, id.value(), product, expectedVersion, domainCall,
                    products::update);
            return ProductView.of(product.snapshot());
        });
    }

    /** A price from a command's amount and currency code, each refusal naming its field. */
    private static Money price(BigDecimal amount, String currency) {
        Money money = Money.of("listPrice", amount, Money.currency("currency", currency));
        if (money.isNegative()) {
            throw new InvalidValueException("listPrice", "must not be negative");
        }
        return money;
    }
}
