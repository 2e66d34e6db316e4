/**
 * Sales on MyBatis (internal): the mapper interface of {@code crm_purchase}, {@code crm_purchase_line},
 * {@code crm_purchase_return} and {@code crm_purchase_return_line} with its XML beside it, flat row records, the
 * explicit row-to-snapshot mapping, and the repository
 * {@link org.crmkit.persistence.mybatis.internal.sales.MyBatisPurchaseRepository}.
 */
package org.crmkit.persistence.mybatis.internal.sales;
