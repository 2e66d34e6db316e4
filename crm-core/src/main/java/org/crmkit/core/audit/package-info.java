/**
 * The vocabulary of the audit trail (public API): {@link AuditPermission}, the permissions of its use cases
 * ({@code port.in}) with their default grants. The audit log the adapters write is part of the SPI
 * ({@code org.crmkit.core.spi.AuditLog}). It depends on nothing but the JDK and the kernel (ADR 0011).
 */
package org.crmkit.core.audit;
