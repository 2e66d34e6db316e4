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

    /** @return whether another page follows */
    public boolean hasNext() {
        return nextCursor.isPresent();
    }
}
