/**
 * Customers on MyBatis (internal): the mapper interface with its XML beside it, the flat row record, the explicit
 * row-to-snapshot mapping, and {@link org.crmkit.persistence.mybatis.internal.customer.MyBatisCustomerRepository}.
 */
package org.crmkit.persistence.mybatis.internal.customer;
