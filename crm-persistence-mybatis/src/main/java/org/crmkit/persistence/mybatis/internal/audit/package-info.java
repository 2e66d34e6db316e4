/**
 * The audit trail on MyBatis (internal): append to, read and search {@code crm_audit_entry}; there is no update or
 * delete. A host can have the server enforce that by granting its application user only {@code SELECT, INSERT} on
 * {@code crm_audit_entry} (and on {@code crm_access_log}); the grants are spelled out at the top of the migration
 * {@code db/crmkit/migration/V2__staff_accounts_and_access_log.sql}.
 */
package org.crmkit.persistence.mybatis.internal.audit;
