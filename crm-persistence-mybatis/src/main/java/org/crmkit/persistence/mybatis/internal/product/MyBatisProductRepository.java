package org.crmkit.persistence.mybatis.internal.product;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.crmkit.core.product.ProductSnapshot;
import org.crmkit.core.product.port.out.ProductRepository;
import org.crmkit.core.product.port.out.ProductSearchCriteria;
import org.crmkit.core.product.CategoryId;
import org.crmkit.core.product.ProductId;
import org.crmkit.persistence.mybatis.internal.support.LikePatterns;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Products in {@code crm_product}, unique by SKU ({@code uq_crm_product__sku}), with optimistic locking on the
 * version column. Products are never deleted.
 */
public final class MyBatisProductRepository implements ProductRepository {
    /**
     * What the ASCII {@code sku} column can hold: a SKU or prefix with any other character matches no row, and is not
     * sent, because the server cannot compare it with the column.
     */
    /** Most SKUs of one query. */
    private static final int CHUNK = 500;
    private static final Pattern ASCII = Pattern.compile("\\p{ASCII}*");

    private final MyBatisUnitOfWork unitOfWork;
    private final ProductMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisProductRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(ProductMapper.class);
    }

    @Override
    public void add(ProductSnapshot product) {
        mapper.insert(ProductRows.toRow(product));
    }

    @Override
    public void update(ProductSnapshot product) {
        ProductSnapshot snapshot = product;
        unitOfWork.updateVersioned("product", product.id(), product.version(),
                () -> mapper.update(ProductRows.toRow(snapshot)), () -> { });
    }

    @Override
    public Optional<ProductSnapshot> findById(ProductId id) {
        return Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> ProductRows.toSnapshot(row));
    }

    @Override
    public Optional<ProductSnapshot> findBySku(String sku) {
        if (sku == null || !ASCII.matcher(sku).matches()) {
            return Optional.empty();
        }
        return Optional.ofNullable(mapper.selectBySku(sku)).map(row -> ProductRows.toSnapshot(row));
    }

    @Override
    public List<ProductSnapshot> findBySkus(Collection<String> skus) {
        List<String> wanted = skus.stream().filter(sku -> sku != null && ASCII.matcher(sku).matches()).distinct()
                .toList();
        List<ProductSnapshot> found = new ArrayList<>();
        for (int from = 0; from < wanted.size(); from += CHUNK) {
            mapper.selectBySkus(wanted.subList(from, Math.min(wanted.size(), from + CHUNK)))
                    .forEach(row -> found.add(ProductRows.toSnapshot(row)));
        }
        return found;
    }

    @Override
    public List<ProductSnapshot> search(ProductSearchCriteria c, int limit) {
        if ((c.categories() != null && c.categories().isEmpty()) || limit <= 0) {
            return List.of();
        }
        String nameLike = null;
        String skuLike = null;
        if (c.textPrefix() != null) {
            nameLike = LikePatterns.startingWith(c.textPrefix());
            // the same upper-casing as ProductSearchCriteria.matches, so that "ß" finds a SKU starting with "SS"
            String skuPrefix = c.textPrefix().toUpperCase(Locale.ROOT);
            skuLike = ASCII.matcher(skuPrefix).matches() ? LikePatterns.startingWith(skuPrefix) : null;
        }
        // sorted, so that equal criteria bind their ids in one order
        List<UUID> categoryIds = c.categories() == null ? null
                : c.categories().stream().map(CategoryId::value).sorted().toList();
        ProductSearchCriteria.Position after = c.after();
        ProductSearchParams params = new ProductSearchParams(nameLike, skuLike, categoryIds,
                c.status() == null ? null : c.status().name(), after == null ? null : after.nameKey(),
                after == null ? null : after.id().value(), limit);
        return unitOfWork.inTransaction(() -> mapper.search(params).stream()
                .map(row -> ProductRows.toSnapshot(row)).toList());
    }
}
