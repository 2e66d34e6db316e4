package org.crmkit.core.sales.port.in;

/**
 * A source line a reader could not read, with the field and the reason.
 *
 * @param sourceLine where the line is in the source
 * @param field      the field that could not be read (for example {@code "occurredAt"}), or {@code "line"}
 * @param reason     why, without the line's content (which may hold personal data)
 */
public record UnreadableLine(long sourceLine, String field, String reason) implements ImportRow {
}
