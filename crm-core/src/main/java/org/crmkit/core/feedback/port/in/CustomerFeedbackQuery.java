package org.crmkit.core.feedback.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * A customer's feedback with the responses, newest first.
 *
 * @param customerId the customer
 * @param page       size and cursor
 */
public record CustomerFeedbackQuery(@NotNull CustomerId customerId, @NotNull @Valid PageRequest page) {

    /** @param previous a page of this query @return the query for the page after it */
    public CustomerFeedbackQuery next(Page<?> previous) {
        return new CustomerFeedbackQuery(customerId,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
