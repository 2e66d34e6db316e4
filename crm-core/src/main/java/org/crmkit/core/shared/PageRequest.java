package org.crmkit.core.shared;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Which page of a keyset-paged query to return: at most {@code size} items after the position the opaque
 * {@code cursor} names, or the first page when it is {@code null}.
 *
 * @param size   items per page, 1 to {@value #MAX_SIZE}
 * @param cursor the {@link Page#nextCursor()} of the previous page, or {@code null} for the first page
 */
public record PageRequest(@Min(1) @Max(MAX_SIZE) int size, String cursor) {
    /** Largest page size accepted. */
    public static final int MAX_SIZE = 200;

    /** @param size items per page @return the first page of that size */
    public static PageRequest first(int size) {
        return new PageRequest(size, null);
    }

    /** @param cursor where to continue @return the next page of the same size */
    public PageRequest next(String cursor) {
        return new PageRequest(size, cursor);
    }
}
