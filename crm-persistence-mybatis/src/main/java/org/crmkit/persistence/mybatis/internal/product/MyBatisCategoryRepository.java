package org.crmkit.persistence.mybatis.internal.product;

import java.util.List;
import java.util.Optional;
import org.crmkit.core.product.CategorySnapshot;
import org.crmkit.core.product.port.out.CategoryRepository;
import org.crmkit.core.product.CategoryId;
import org.crmkit.persistence.mybatis.internal.support.MyBatisUnitOfWork;

/**
 * Categories in {@code crm_category}, unique by folded name among siblings ({@code uq_crm_category__name} on the
 * parent key and the name key), with optimistic locking on the version column.
 */
public final class MyBatisCategoryRepository implements CategoryRepository {
    private final MyBatisUnitOfWork unitOfWork;
    private final CategoryMapper mapper;

    /** @param unitOfWork the unit of work whose session the statements run on */
    public MyBatisCategoryRepository(MyBatisUnitOfWork unitOfWork) {
        this.unitOfWork = unitOfWork;
        this.mapper = unitOfWork.mapper(CategoryMapper.class);
    }

    @Override
    public void add(CategorySnapshot category) {
        mapper.insert(CategoryRows.toRow(category));
    }

    @Override
    public void update(CategorySnapshot category) {
        CategorySnapshot snapshot = category;
        unitOfWork.updateVersioned("category", category.id(), category.version(),
                () -> mapper.update(CategoryRows.toRow(snapshot)), () -> { });
    }

    @Override
    public Optional<CategorySnapshot> findById(CategoryId id) {
        return Optional.ofNullable(mapper.selectById(id.value()))
                .map(row -> CategoryRows.toSnapshot(row));
    }

    @Override
    public Optional<CategorySnapshot> findByIdForUpdate(CategoryId id) {
        return Optional.ofNullable(mapper.selectByIdForUpdate(id.value()))
                .map(row -> CategoryRows.toSnapshot(row));
    }

    @Override
    public List<CategorySnapshot> findAll() {
        return mapper.selectAll().stream().map(row -> CategoryRows.toSnapshot(row)).toList();
    }
}
