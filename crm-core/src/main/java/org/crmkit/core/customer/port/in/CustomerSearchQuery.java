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

    /**
     * Required: {@code sort} and {@code page}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link CustomerSearchQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private String text;
        private CustomerStatus status;
        private String tag;
        private String countryCode;
        private StaffId accountManager;
        private Instant registeredFrom;
        private Instant registeredBefore;
        private CustomerSort sort;
        private PageRequest page;

        private Builder() {
        }

        /** @param text prefix of the first name, last name or email, ignoring case @return this builder */
        public Builder text(String text) {
            this.text = text;
            return this;
        }

        /**
         * @param status only customers in this state; when {@code null}, erased customers are left out (ask for {@code
         *        ERASED} to list them)
         * @return this builder
         */
        public Builder status(CustomerStatus status) {
            this.status = status;
            return this;
        }

        /** @param tag only customers with this tag @return this builder */
        public Builder tag(String tag) {
            this.tag = tag;
            return this;
        }

        /** @param countryCode only customers whose address is in this country @return this builder */
        public Builder countryCode(String countryCode) {
            this.countryCode = countryCode;
            return this;
        }

        /** @param accountManager only customers managed by this staff user @return this builder */
        public Builder accountManager(StaffId accountManager) {
            this.accountManager = accountManager;
            return this;
        }

        /** @param registeredFrom registered at or after this instant @return this builder */
        public Builder registeredFrom(Instant registeredFrom) {
            this.registeredFrom = registeredFrom;
            return this;
        }

        /** @param registeredBefore registered before this instant @return this builder */
        public Builder registeredBefore(Instant registeredBefore) {
            this.registeredBefore = registeredBefore;
            return this;
        }

        /** @param sort the order; required @return this builder */
        public Builder sort(CustomerSort sort) {
            this.sort = sort;
            return this;
        }

        /** @param page the page; required @return this builder */
        public Builder page(PageRequest page) {
            this.page = page;
            return this;
        }

        /** @return the query (the use case checks it, naming every bad or missing field at once) */
        public CustomerSearchQuery build() {
            return new CustomerSearchQuery(text, status, tag, countryCode, accountManager, registeredFrom, registeredBefore, sort, page);
        }
    }
}
