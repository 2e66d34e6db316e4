/**
 * The vocabulary of leads and the sales pipeline (public API): the enums, values, events and configuration that the
 * area's use cases ({@code port.in}), its SPI ({@code port.out}), its domain and other areas all speak: {@link
 * LeadEvents}, {@link LeadScore}, {@link LeadScoring}, {@link LeadSource}. It depends on nothing but the JDK and the
 * kernel (ADR 0011).
 */
package org.crmkit.core.lead;
