package org.crmkit.core.feedback.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.product.ProductId;

/**
 * The feedback on a product, newest first.
 *
 * @param productId the product
 * @param page      size and cursor
 */
public record ProductFeedbackQuery(@NotNull ProductId productId, @NotNull @Valid PageRequest page) {

    /** @param previous a page of this query @return the query for the page after it */
    public ProductFeedbackQuery next(Page<?> previous) {
        return new ProductFeedbackQuery(productId,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
