package org.crmkit.core.shared;

import org.crmkit.core.shared.internal.Cursor;
import org.crmkit.core.shared.internal.Ids;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where a newest-first page of log entries (audit trail, access log) resumes: the time and id of the last entry of
 * the previous page. Ties in time are broken by id, compared as unsigned bytes like MySQL's {@code BINARY(16)}.
 *
 * @param at the last entry's time
 * @param id the last entry's id
 */
public record EntryPosition(Instant at, UUID id) {
    /** Checks presence. */
    public EntryPosition {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(id, "id");
    }

    /**
     * @param scope the query the cursor belongs to
     * @return this position as an opaque page cursor
     */
    public String toCursor(String scope) {
        return Cursor.encode(scope, List.of(at.toString(), id.toString()));
    }

    /**
     * @param cursor a cursor from {@link #toCursor}, or {@code null}
     * @param scope  the query it must belong to
     * @return the position, or {@code null} for no cursor
     * @throws InvalidValueException ({@code page.cursor}) when it is not a cursor of this query
     */
    public static EntryPosition fromCursor(String cursor, String scope) {
        if (cursor == null) {
            return null;
        }
        List<String> values = Cursor.decode(cursor, scope, 2);
        try {
            return new EntryPosition(Instant.parse(values.get(0)), Ids.parse("page.cursor", values.get(1)));
        } catch (java.time.format.DateTimeParseException | InvalidValueException e) {
            throw new InvalidValueException("page.cursor", "is not a cursor of this query");
        }
    }

    /**
     * @param position a position, or {@code null} for the first page
     * @param entryAt  an entry's time
     * @param entryId  an entry's id
     * @return whether the entry comes after the position, newest first
     */
    public static boolean isAfter(EntryPosition position, Instant entryAt, UUID entryId) {
        return position == null || entryAt.isBefore(position.at)
                || entryAt.equals(position.at) && UuidV7.compareBytes(entryId, position.id) < 0;
    }
}
