/** The audit trail on MyBatis (internal): append and read {@code crm_audit_entry}; there is no update or delete. */
package org.crmkit.persistence.mybatis.audit;
