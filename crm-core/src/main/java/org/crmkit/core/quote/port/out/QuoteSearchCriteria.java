package org.crmkit.core.quote.port.out;

import java.util.Objects;
import java.util.Set;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.quote.port.in.QuoteSort;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.EntryPosition;

/**
 * A search over quotes, resolved by the application: filters already narrowed to the caller's scope.
 *
 * @param status    only quotes in this state, or {@code null}
 * @param customers only quotes of these customers, or {@code null} for every customer (never empty)
 * @param sort      the order, by request time then id
 * @param after     the request time and id of the last quote of the previous page, or {@code null}
 */
public record QuoteSearchCriteria(QuoteStatus status, Set<CustomerId> customers, QuoteSort sort,
                                  EntryPosition after) {
    /** Checks the sort and copies the customers. */
    public QuoteSearchCriteria {
        Objects.requireNonNull(sort, "sort");
        if (customers != null) {
            if (customers.isEmpty()) {
                throw new IllegalArgumentException("customers must be null (any) or hold at least one");
            }
            customers = Set.copyOf(customers);
        }
    }
}
