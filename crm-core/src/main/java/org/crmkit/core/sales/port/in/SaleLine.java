package org.crmkit.core.sales.port.in;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One typed line of a sales import. Consecutive lines with the same order reference make one purchase (or, for a
 * cancellation, one return). A cancellation's quantity is negative: it takes back that many of the SKU from the
 * customer's latest earlier purchase that still holds them.
 *
 * @param sourceLine        where the line is in the source, for reports
 * @param orderReference    the order (invoice) it belongs to, 1 to 64 characters
 * @param lineNumber        its number within the order, 1 or more, unique in the order
 * @param sku               the product's SKU
 * @param description       the product's description (the name of a product created for an unknown SKU), or
 *                          {@code null}
 * @param quantity          how many: 1 to 1,000,000, or -1 to -1,000,000 for a cancellation
 * @param unitPrice         the price of one, not negative, at most 4 decimal places
 * @param occurredAt        when the sale was made
 * @param customerReference the customer's external reference, or {@code null} for an anonymous sale
 * @param country           the customer's country as the source writes it (an ISO 3166 code or an English name), or
 *                          {@code null}; read for completeness, not stored yet (a created customer gets no address)
 * @param cancellation      whether the source marks the line as a cancellation
 */
public record SaleLine(long sourceLine, String orderReference, int lineNumber, String sku, String description,
                       int quantity, BigDecimal unitPrice, Instant occurredAt, String customerReference,
                       String country, boolean cancellation) implements ImportRow {
}
