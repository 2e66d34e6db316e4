/**
 * The vocabulary of quotes (public API): the enums, values, events and configuration that the area's use cases
 * ({@code port.in}), its SPI ({@code port.out}), its domain and other areas all speak: {@link QuoteEvents}, {@link
 * QuoteLine}, {@link QuoteStatus}. It depends on nothing but the JDK and the kernel (ADR 0011).
 */
package org.crmkit.core.quote;
