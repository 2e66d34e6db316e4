package org.crmkit.core.shared;

import java.util.List;
import java.util.Optional;

/**
 * One page of a keyset-paged query.
 *
 * @param items      the items, in the query's order
 * @param nextCursor where the next page starts; empty on the last page
 * @param <T>        item type
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    /** Copies the items. */
    public Page {
        items = List.copyOf(items);
    }

    /**
     * Cuts a page from rows fetched one beyond the page size: the extra row only tells that another page follows,
     * whose cursor is made from the page's last row.
     *
     * @param fetched  up to {@code size + 1} rows in page order
     * @param size     the page size
     * @param view     turns a row into what the page shows
     * @param cursorOf makes the cursor that resumes after a row
     * @param <R>      row type
     * @param <T>      item type
     * @return the page
     */
    public static <R, T> Page<T> slice(List<R> fetched, int size, java.util.function.Function<R, T> view,
                                       java.util.function.Function<R, String> cursorOf) {
        boolean more = fetched.size() > size;
        List<T> items = fetched.stream().limit(size).map(view).toList();
        return new Page<>(items, more ? Optional.of(cursorOf.apply(fetched.get(size - 1))) : Optional.empty());
    }

    /**
     * @param <T> item type
     * @return an empty last page
     */
    public static <T> Page<T> empty() {
        return new Page<>(List.of(), Optional.empty());
    }

    /** @return whether another page follows */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
