/**
 * The service-provider interface for persistence adapters (public SPI): {@link org.crmkit.core.spi.CrmPersistence}
 * gives {@code Crm} an adapter's unit of work, audit log and area ports by type ({@link org.crmkit.core.spi.Ports}
 * collects them), and {@link org.crmkit.core.spi.ThreadBoundUnitOfWork} is the base of a thread-bound unit of work.
 * The ports themselves live in each area's {@code port.out} package.
 */
package org.crmkit.core.spi;
