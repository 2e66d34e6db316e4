package org.crmkit.core.customer.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.crmkit.core.customer.CustomerStatus;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;

/**
 * Filters, sort order and page of a customer search. Every filter is optional; given ones all apply.
 *
 * @param text             prefix of the first name, last name or email, ignoring case
 * @param status           only customers in this state; when {@code null}, erased customers are left out (ask for
 *                         {@code ERASED} to list them)
 * @param tag              only customers with this tag
 * @param countryCode      only customers whose address is in this country
 * @param accountManager   only customers managed by this staff user
 * @param registeredFrom   registered at or after this instant
 * @param registeredBefore registered before this instant
 * @param sort             the order; required
 * @param page             the page; required
 */
public record CustomerSearchQuery(
        @Size(max = 100) String text,
        CustomerStatus status,
        @Size(max = 50) String tag,
        @Pattern(regexp = "[A-Za-z]{2}", message = "must be an ISO 3166-1 alpha-2 country code") String countryCode,
        StaffId accountManager,
        Instant registeredFrom,
        Instant registeredBefore,
        @NotNull CustomerSort sort,
        @NotNull @Valid PageRequest page) {

    /**
     * @param sort the order
     * @param size the page size
     * @return a query without filters for the first page
     */
    public static CustomerSearchQuery all(CustomerSort sort, int size) {
        return new CustomerSearchQuery(null, null, null, null, null, null, null, sort, PageRequest.first(size));
    }

    /**
     * @param previous a page this query returned
     * @return the same query for the page after it
     * @throws java.util.NoSuchElementException when {@code previous} was the last page
     */
    public CustomerSearchQuery next(Page<?> previous) {
        return withPage(page.next(previous.nextCursor().orElseThrow()));
    }

    /** @param next the next page @return the same query for that page */
    public CustomerSearchQuery withPage(PageRequest next) {
        return new CustomerSearchQuery(text, status, tag, countryCode, accountManager, registeredFrom,
                registeredBefore, sort, next);
    }
}
