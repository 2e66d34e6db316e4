package org.crmkit.core.sales.port.in;

/**
 * A line a sales import did not store, and why.
 *
 * @param sourceLine where it is in the source
 * @param field      the field at fault (for example {@code "sku"}), or {@code "line"}
 * @param reason     why, without the line's content
 */
public record RejectedLine(long sourceLine, String field, String reason) {
}
