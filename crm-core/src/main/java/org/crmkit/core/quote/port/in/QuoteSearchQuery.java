package org.crmkit.core.quote.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.quote.QuoteStatus;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * Filters, sort order and page of a staff search over quotes. Every filter is optional; given ones all apply.
 *
 * @param status     only quotes in this state
 * @param customerId only quotes of this customer
 * @param sort       the order; required
 * @param page       the page; required
 */
public record QuoteSearchQuery(QuoteStatus status, CustomerId customerId, @NotNull QuoteSort sort,
                               @NotNull @Valid PageRequest page) {

    /**
     * @param status only quotes in this state, or {@code null} for all
     * @param size   the page size
     * @return a query of the newest quotes first, on any customer
     */
    public static QuoteSearchQuery byStatus(QuoteStatus status, int size) {
        return new QuoteSearchQuery(status, null, QuoteSort.REQUESTED_DESC, PageRequest.first(size));
    }

    /**
     * @param previous a page this query returned
     * @return the same query for the page after it
     * @throws java.util.NoSuchElementException when {@code previous} was the last page
     */
    public QuoteSearchQuery next(Page<?> previous) {
        return new QuoteSearchQuery(status, customerId, sort, page.next(previous.nextCursor().orElseThrow()));
    }
}
