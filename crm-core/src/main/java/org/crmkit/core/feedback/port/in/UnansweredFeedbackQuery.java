package org.crmkit.core.feedback.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;

/**
 * The feedback waiting for a response, oldest first (erased customers' feedback is not waiting).
 *
 * @param page size and cursor
 */
public record UnansweredFeedbackQuery(@NotNull @Valid PageRequest page) {

    /** @param size items per page @return the first page */
    public static UnansweredFeedbackQuery first(int size) {
        return new UnansweredFeedbackQuery(PageRequest.first(size));
    }

    /** @param previous a page of this query @return the query for the page after it */
    public UnansweredFeedbackQuery next(Page<?> previous) {
        return new UnansweredFeedbackQuery(
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }
}
