package org.crmkit.core.loyalty.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * @param customerId whose statement
 * @param page       size and cursor of the ledger entries
 */
public record LoyaltyStatementQuery(@NotNull CustomerId customerId, @NotNull @Valid PageRequest page) {

    /** @param previous the entries of a statement of this query @return the query for the entries after them */
    public LoyaltyStatementQuery next(Page<?> previous) {
        return new LoyaltyStatementQuery(customerId,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
