/**
 * The product catalog on MyBatis (internal): the mapper interfaces of {@code crm_category} and {@code crm_product}
 * with their XML beside them, flat row records, the explicit row-to-snapshot mappings, and the repositories
 * {@link org.crmkit.persistence.mybatis.internal.product.MyBatisCategoryRepository} and
 * {@link org.crmkit.persistence.mybatis.internal.product.MyBatisProductRepository}.
 */
package org.crmkit.persistence.mybatis.internal.product;
