package org.crmkit.core.shared.internal;

import org.crmkit.core.shared.InvalidValueException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Encodes and checks the opaque cursors of keyset paging. A cursor holds the sort-key values of the last item of a
 * page, bound to a scope (the query, its sort and a fingerprint of its filter) and protected by a checksum. Decoding
 * a cursor that was altered, or that belongs to another query, fails with an {@link InvalidValueException} on
 * {@code page.cursor}, before any storage is asked.
 *
 * <p>A cursor is not a secret: whoever holds it could only seek within a query they may already run.
 */
public final class Cursor {
    private static final String FIELD = "page.cursor";
    private static final char SEPARATOR = '\u001f';
    private static final String VERSION = "c1";

    private Cursor() {
    }

    /**
     * A scope that is the same in every JVM for the same query: the filters by their text (an enum by its name), not
     * by {@code hashCode()}, which for an enum differs from one JVM to the next.
     *
     * @param query   the query's name and sort, such as {@code "customer.search/NAME_ASC"}
     * @param filters the query's filter values; {@code null} for a filter not set
     * @return the scope
     */
    public static String scope(String query, Object... filters) {
        StringBuilder text = new StringBuilder();
        for (Object filter : filters) {
            text.append(filter instanceof Enum<?> e ? e.name() : String.valueOf(filter)).append('\u0000');
        }
        return query + "/" + checksum(text.toString());
    }

    /**
     * @param scope  identifies the query, sort and filter the cursor belongs to
     * @param values the sort-key values of the last item returned
     * @return the opaque cursor
     */
    public static String encode(String scope, List<String> values) {
        StringBuilder body = new StringBuilder(VERSION).append(SEPARATOR).append(scope);
        for (String value : values) {
            body.append(SEPARATOR).append(Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        String checksum = checksum(body.toString());
        String text = body.append(SEPARATOR).append(checksum).toString();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param cursor the cursor a host passed back
     * @param scope  the scope of the query being run
     * @param arity  how many values the query's sort key has
     * @return the values, in the order they were encoded
     * @throws InvalidValueException when the cursor was altered or belongs to another query
     */
    public static List<String> decode(String cursor, String scope, int arity) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(FIELD, "is not a cursor of this query");
        }
        int last = text.lastIndexOf(SEPARATOR);
        if (last < 0 || !text.substring(last + 1).equals(checksum(text.substring(0, last)))) {
            throw new InvalidValueException(FIELD, "is not a cursor of this query");
        }
        List<String> parts = new ArrayList<>(Arrays.asList(text.substring(0, last).split(String.valueOf(SEPARATOR), -1)));
        if (parts.size() != arity + 2 || !VERSION.equals(parts.get(0)) || !scope.equals(parts.get(1))) {
            throw new InvalidValueException(FIELD, "belongs to another query or sort order");
        }
        try {
            return parts.subList(2, parts.size()).stream()
                    .map(part -> new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8))
                    .toList();
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(FIELD, "is not a cursor of this query");
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return Long.toHexString(crc.getValue());
    }
}
