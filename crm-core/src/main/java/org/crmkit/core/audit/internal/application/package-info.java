/**
 * Internal, not API (ADR 0011): the audit area's use-case services. The audit trail search; {@link
 * org.crmkit.core.audit.internal.application.AuditApplication} builds it.
 */
package org.crmkit.core.audit.internal.application;
