package org.crmkit.core.quote.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * A customer's quotes, newest request first.
 *
 * @param customerId the customer
 * @param page       size and cursor
 */
public record CustomerQuotesQuery(@NotNull CustomerId customerId, @NotNull @Valid PageRequest page) {

    /** @param previous a page of this query @return the query for the page after it */
    public CustomerQuotesQuery next(Page<?> previous) {
        return new CustomerQuotesQuery(customerId,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
