/**
 * Departments, staff users, login accounts, password reset tokens and the access log on MyBatis (internal): one
 * mapper interface per table group with its XML beside it, flat row records, the explicit row-to-snapshot mappings,
 * and the repositories {@link org.crmkit.persistence.mybatis.internal.staff.MyBatisDepartmentRepository},
 * {@link org.crmkit.persistence.mybatis.internal.staff.MyBatisStaffRepository},
 * {@link org.crmkit.persistence.mybatis.internal.staff.MyBatisAccountRepository},
 * {@link org.crmkit.persistence.mybatis.internal.staff.MyBatisPasswordResetTokenRepository} and
 * {@link org.crmkit.persistence.mybatis.internal.staff.MyBatisAccessLog}.
 */
package org.crmkit.persistence.mybatis.internal.staff;
