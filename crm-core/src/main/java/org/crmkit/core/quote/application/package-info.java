/**
 * The quote use cases; {@link org.crmkit.core.quote.application.QuoteApplication} builds them. Internal: hosts reach
 * them through {@code Crm.quotes()}.
 */
package org.crmkit.core.quote.application;
