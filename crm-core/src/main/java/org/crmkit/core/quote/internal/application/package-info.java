/**
 * Internal, not API (ADR 0011): the quote area's use-case services. The quote use cases; {@link
 * org.crmkit.core.quote.internal.application.QuoteApplication} builds them. Internal: hosts reach them through
 * {@code Crm.quotes()}.
 */
package org.crmkit.core.quote.internal.application;
