package org.crmkit.persistence.mybatis.internal.product;

import java.util.List;
import java.util.UUID;

/** SQL of {@code crm_category}; statements in {@code CategoryMapper.xml} beside this interface. */
interface CategoryMapper {

    int insert(CategoryRow row);

    int update(CategoryRow row);

    CategoryRow selectById(UUID id);

    CategoryRow selectByIdForUpdate(UUID id);

    List<CategoryRow> selectAll();
}
