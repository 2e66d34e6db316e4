package org.crmkit.persistence.mybatis.internal.product;

import java.util.List;
import java.util.UUID;
import org.apache.ibatis.annotations.Param;

/** SQL of {@code crm_product}; statements in {@code ProductMapper.xml} beside this interface. */
interface ProductMapper {

    int insert(ProductRow row);

    int update(ProductRow row);

    ProductRow selectById(UUID id);

    ProductRow selectBySku(String sku);

    List<ProductRow> selectBySkus(@Param("skus") List<String> skus);

    List<ProductRow> search(ProductSearchParams params);
}
