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
}
