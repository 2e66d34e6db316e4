package org.crmkit.core.staff.port.in;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.crmkit.core.shared.CustomerId;
import org.crmkit.core.shared.Page;
import org.crmkit.core.shared.PageRequest;
import org.crmkit.core.shared.StaffId;

/**
 * Filters of the access log, all optional, and the page. At most one of {@code staffId} and {@code customerId}.
 *
 * @param staffId    only this staff user's account
 * @param customerId only this customer's account
 * @param day        only this calendar day
 * @param zone       the IANA time zone of {@code day}; UTC when absent
 * @param page       size and cursor
 */
public record AccessLogQuery(StaffId staffId, CustomerId customerId, LocalDate day, @Size(max = 64) String zone,
                             @NotNull @Valid PageRequest page) {

    /** @param previous a page of this query @return the query for the page after it */
    public AccessLogQuery next(Page<?> previous) {
        return new AccessLogQuery(staffId, customerId, day, zone,
                page.next(previous.nextCursor().orElseThrow(() -> new IllegalStateException("no next page"))));
    }

    /**
     * Required: {@code page}; the use case names every missing or bad field at once.
     *
     * @return an empty builder: name each field, then {@code build()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link AccessLogQuery} one named field at a time; a field not named stays {@code null}. */
    public static final class Builder {
        private StaffId staffId;
        private CustomerId customerId;
        private LocalDate day;
        private String zone;
        private PageRequest page;

        private Builder() {
        }

        /** @param staffId only this staff user's account @return this builder */
        public Builder staffId(StaffId staffId) {
            this.staffId = staffId;
            return this;
        }

        /** @param customerId only this customer's account @return this builder */
        public Builder customerId(CustomerId customerId) {
            this.customerId = customerId;
            return this;
        }

        /** @param day only this calendar day @return this builder */
        public Builder day(LocalDate day) {
            this.day = day;
            return this;
        }

        /** @param zone the IANA time zone of {@code day}; UTC when absent @return this builder */
        public Builder zone(String zone) {
            this.zone = zone;
            return this;
        }

        /** @param page size and cursor @return this builder */
        public Builder page(PageRequest page) {
            this.page = page;
            return this;
        }

        /** @return the query (the use case checks it, naming every bad or missing field at once) */
        public AccessLogQuery build() {
            return new AccessLogQuery(staffId, customerId, day, zone, page);
        }
    }
}
