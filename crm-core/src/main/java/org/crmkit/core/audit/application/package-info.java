/** The audit trail search; {@link org.crmkit.core.audit.application.AuditApplication} builds it. */
package org.crmkit.core.audit.application;
