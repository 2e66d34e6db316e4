/**
 * Loyalty on MyBatis (internal): the mapper interface of {@code crm_loyalty_account}, {@code crm_loyalty_entry},
 * {@code crm_loyalty_entry_line} and {@code crm_loyalty_lot} with its XML beside it, flat row records, the explicit
 * row-to-domain mapping, and the repository {@link org.crmkit.persistence.mybatis.internal.loyalty.MyBatisLoyaltyRepository}.
 */
package org.crmkit.persistence.mybatis.internal.loyalty;
