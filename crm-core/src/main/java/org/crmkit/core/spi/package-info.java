/**
 * The service-provider interface for persistence adapters (public SPI): {@link org.crmkit.core.spi.CrmPersistence}
 * bundles the unit of work and every repository port an adapter supplies to {@code Crm}.
 */
package org.crmkit.core.spi;
