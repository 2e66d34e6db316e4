/**
 * The vocabulary of purchases, returns and the sales import (public API): the enums, values, events and
 * configuration that the area's use cases ({@code port.in}), its SPI ({@code port.out}), its domain and other areas
 * all speak: {@link PurchaseLine}, {@link PurchaseReturn}, {@link ReturnLine}, {@link SalesChannel}. It depends on
 * nothing but the JDK and the kernel (ADR 0011).
 */
package org.crmkit.core.sales;
